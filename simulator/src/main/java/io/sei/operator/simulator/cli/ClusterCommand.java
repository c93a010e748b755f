package io.sei.operator.simulator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "cluster",
    description = "A local Kubernetes control plane with the simulated kubelet (no Docker).",
    subcommands = {ClusterUpCommand.class})
final class ClusterCommand {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;
}
