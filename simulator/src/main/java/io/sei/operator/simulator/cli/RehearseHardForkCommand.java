package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.rehearse.Rehearsal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "hard-fork",
    description =
        "A SeiNodeDeployment of full nodes on --from, rolled to --to by the HardFork strategy at"
            + " --upgrade-height: entrants bootstrap on the old image to H-1, apply the upgrade on"
            + " the new one, traffic switches, incumbents are torn down.")
final class RehearseHardForkCommand implements RoleCommand {
  @Mixin RehearseOptions common;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      defaultValue = "2",
      description = "Full nodes in the group (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Option(
      names = "--from",
      paramLabel = "IMAGE",
      defaultValue = "sei-sim:v6.3.0",
      description = "The incumbent image, sei-sim:<version> (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "IMAGE",
      defaultValue = "sei-sim:v6.4.0",
      description = "The new image (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(
      names = "--upgrade-height",
      paramLabel = "H",
      defaultValue = "150",
      description =
          "The chain's upgrade height and the HardFork haltHeight (default: ${DEFAULT-VALUE}).")
  long upgradeHeight;

  @Option(
      names = "--upgrade-name",
      paramLabel = "NAME",
      description =
          "The chain's upgrade, a version: binaries at or above it have its handler (default: the"
              + " version of --to).")
  String upgradeName;

  @Override
  public SimProcess create(SimContext context) {
    return RehearseCommands.validated(
        context,
        () ->
            Rehearsal.hardFork(
                replicas, from, to, upgradeName, upgradeHeight, common.settings(), context));
  }
}
