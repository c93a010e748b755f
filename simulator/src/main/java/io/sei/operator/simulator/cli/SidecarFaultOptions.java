package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.faults.SidecarFaults;
import java.util.List;
import picocli.CommandLine.Option;

/** The sidecar's fault flags, shared by {@code serve} and {@code sidecar}. */
final class SidecarFaultOptions {
  @Option(names = "--fault-fail-task", paramLabel = "TYPE", description = "Fail tasks of TYPE.")
  List<String> failTasks;

  @Option(
      names = "--fault-hang-task",
      paramLabel = "TYPE",
      description = "Keep tasks of TYPE running.")
  List<String> hangTasks;

  @Option(
      names = "--fault-5xx",
      paramLabel = "N",
      description = "Answer the next N task-API requests with 503.")
  Integer http5xx;

  SidecarFaults faults() {
    return new SidecarFaults(failTasks, hangTasks, http5xx);
  }
}
