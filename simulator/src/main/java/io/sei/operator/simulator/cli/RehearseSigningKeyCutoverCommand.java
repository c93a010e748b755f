package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.rehearse.Rehearsal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "signing-key-cutover",
    description =
        "A validator SeiNode running as an observer gets a signing key and a node key (new"
            + " Secrets patched into spec.validator): one pod cycle, the key mounted, the node"
            + " signs.")
final class RehearseSigningKeyCutoverCommand implements RoleCommand {
  @Mixin RehearseOptions common;

  @Option(
      names = "--image",
      paramLabel = "IMAGE",
      defaultValue = "sei-sim:v6.4.0",
      description = "The validator's image, sei-sim:<version> (default: ${DEFAULT-VALUE}).")
  String image;

  @Option(
      names = "--max-missed-blocks",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Expectation: blocks the key may miss after its first signature (default:"
              + " ${DEFAULT-VALUE}).")
  long maxMissedBlocks;

  @Override
  public SimProcess create(SimContext context) {
    return RehearseCommands.validated(
        context,
        () -> Rehearsal.signingKeyCutover(image, maxMissedBlocks, common.settings(), context));
  }
}
