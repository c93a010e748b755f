package io.sei.operator.simulator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rehearse",
    description =
        "Rehearse a risky change on the local control plane with the operator, the simulated"
            + " kubelet and a simulated chain; print progress, write report.json and report.html,"
            + " exit 0 when every expectation is met (1 not met, 2 bad input, 3 could not run).",
    subcommands = {RehearseHardForkCommand.class, RehearseSigningKeyCutoverCommand.class})
final class RehearseCommand {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;
}
