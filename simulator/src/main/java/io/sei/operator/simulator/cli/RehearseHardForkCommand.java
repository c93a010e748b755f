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
            + " --upgrade-height: entrants bootstrap on the old image to H-1 (with"
            + " --upgrade-adds-stores: into the old binary's stop for the upgrade at H), apply the"
            + " upgrade on the new one, traffic switches, incumbents are torn down.")
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

  @Option(
      names = "--upgrade-adds-stores",
      description =
          "The upgrade adds stores: the new binary panics at the height unless the old one wrote"
              + " data/upgrade-info.json, so the rollout names the upgrade (hardFork.upgradeName)"
              + " and entrants bootstrap into the upgrade's stop instead of halting before it.")
  boolean addsStores;

  @Override
  public SimProcess create(SimContext context) {
    return RehearseCommands.validated(
        context,
        () ->
            Rehearsal.hardFork(
                replicas,
                from,
                to,
                upgradeName,
                upgradeHeight,
                addsStores,
                common.settings(),
                context));
  }
}
