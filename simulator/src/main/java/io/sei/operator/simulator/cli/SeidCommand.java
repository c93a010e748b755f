package io.sei.operator.simulator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "seid",
    description = "The simulated seid binary.",
    subcommands = SeidStartCommand.class)
final class SeidCommand {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;
}
