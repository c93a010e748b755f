package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.faults.SidecarFaults;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.sidecar.Sidecar;
import io.sei.operator.simulator.sidecar.SidecarConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sidecar", description = "Run the simulated sidecar (the v0 task API).")
final class SidecarCommand implements RoleCommand {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(names = "--home", required = true, paramLabel = "DIR", description = "The node's home.")
  Path home;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      description = "API address.")
  String listen;

  @Option(
      names = "--authn-mode",
      paramLabel = "MODE",
      description =
          "none or trusted-header (default: env "
              + SidecarConfig.AUTHN_MODE_ENV
              + ", else none). trusted-header binds loopback and requires X-Remote-User.")
  String authnMode;

  @Option(
      names = "--snapshot-bucket",
      paramLabel = "URL",
      description = "Chain URL snapshot-restore reads (default: env SEI_SNAPSHOT_BUCKET).")
  String snapshotBucket;

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

  @Override
  public SimProcess create(SimContext context) {
    String mode = authnMode != null ? authnMode : context.env(SidecarConfig.AUTHN_MODE_ENV);
    if (mode == null) {
      mode = SidecarConfig.NO_AUTHN;
    }
    if (!mode.equals(SidecarConfig.TRUSTED_HEADER) && !mode.equals(SidecarConfig.NO_AUTHN)) {
      throw new IllegalArgumentException(
          "--authn-mode must be " + SidecarConfig.TRUSTED_HEADER + " or " + SidecarConfig.NO_AUTHN);
    }
    String bucket =
        snapshotBucket != null ? snapshotBucket : context.env(SidecarConfig.SNAPSHOT_BUCKET_ENV);
    return new Sidecar(
        new SidecarConfig(
            home,
            listen,
            mode.equals(SidecarConfig.TRUSTED_HEADER),
            bucket,
            new SidecarFaults(failTasks, hangTasks, http5xx)),
        context);
  }
}
