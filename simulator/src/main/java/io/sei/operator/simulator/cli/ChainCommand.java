package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.chain.Chain;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "chain",
    description =
        "Run the simulated chain: the peer network nodes follow, and the snapshot bucket.")
final class ChainCommand implements RoleCommand {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      description = "API address.")
  String listen;

  @Option(
      names = "--block-time-ms",
      required = true,
      paramLabel = "MS",
      description = "Time between blocks.")
  long blockTimeMs;

  @Option(
      names = "--upgrade",
      paramLabel = "NAME@HEIGHT[+stores]",
      description =
          "Planned upgrade (repeatable): the network halts after HEIGHT-1 until it may resume;"
              + " +stores marks an upgrade that adds stores.")
  List<String> upgrades = new ArrayList<>();

  @Option(
      names = "--snapshot-interval",
      paramLabel = "K",
      defaultValue = "10",
      description = "A snapshot every K blocks, 0 for none (default: ${DEFAULT-VALUE}).")
  long snapshotInterval;

  @Option(
      names = "--resume-after-upgrade-ms",
      paramLabel = "MS",
      description =
          "Resume this long after halting at an upgrade; without it, resume once a follower with"
              + " the handler is at HEIGHT-1.")
  Long resumeAfterUpgradeMs;

  @Option(
      names = "--node-id",
      paramLabel = "HEX",
      defaultValue = ChainConfig.DEFAULT_NODE_ID,
      description =
          "The node id /status answers, 40 hex digits: peers address the chain as"
              + " <id>@HOST:PORT (default: ${DEFAULT-VALUE}).")
  String nodeId;

  @Override
  public SimProcess create(SimContext context) {
    List<Upgrade> parsed = new ArrayList<>();
    for (String spec : upgrades) {
      parsed.add(Upgrade.parse(spec));
    }
    return new Chain(
        new ChainConfig(
            listen, blockTimeMs, parsed, snapshotInterval, resumeAfterUpgradeMs, nodeId),
        context);
  }
}
