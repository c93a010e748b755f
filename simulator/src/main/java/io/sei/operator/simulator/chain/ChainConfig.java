package io.sei.operator.simulator.chain;

import java.util.Comparator;
import java.util.List;

/**
 * How the simulated chain runs.
 *
 * @param listen {@code HOST:PORT} of its HTTP API (which is also its "p2p" endpoint)
 * @param blockTimeMs time between blocks
 * @param upgrades the upgrade plan, sorted by height
 * @param snapshotInterval a snapshot every K blocks (0: none)
 * @param resumeAfterUpgradeMs resume this long after halting at an upgrade; null: resume once a
 *     follower with the handler is at the height before the upgrade
 * @param nodeId the node id its {@code /status} answers ({@code result.node_info.id}): a node given
 *     the peer {@code <nodeId>@<host>:<port>} follows the chain only when the ids agree
 */
public record ChainConfig(
    String listen,
    long blockTimeMs,
    List<Upgrade> upgrades,
    long snapshotInterval,
    Long resumeAfterUpgradeMs,
    String nodeId) {

  /** The chain's node id unless {@code --node-id} says otherwise. */
  public static final String DEFAULT_NODE_ID = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";

  /** A chain with the {@linkplain #DEFAULT_NODE_ID default node id}. */
  public ChainConfig(
      String listen,
      long blockTimeMs,
      List<Upgrade> upgrades,
      long snapshotInterval,
      Long resumeAfterUpgradeMs) {
    this(listen, blockTimeMs, upgrades, snapshotInterval, resumeAfterUpgradeMs, DEFAULT_NODE_ID);
  }

  public ChainConfig {
    if (nodeId == null || !nodeId.matches("[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("--node-id must be 40 hex digits");
    }
    nodeId = nodeId.toLowerCase(java.util.Locale.ROOT);
    if (blockTimeMs <= 0) {
      throw new IllegalArgumentException("--block-time-ms must be positive");
    }
    if (snapshotInterval < 0) {
      throw new IllegalArgumentException("--snapshot-interval must not be negative");
    }
    if (resumeAfterUpgradeMs != null && resumeAfterUpgradeMs < 0) {
      throw new IllegalArgumentException("--resume-after-upgrade-ms must not be negative");
    }
    upgrades = upgrades.stream().sorted(Comparator.comparingLong(Upgrade::height)).toList();
    for (int i = 1; i < upgrades.size(); i++) {
      if (upgrades.get(i).height() == upgrades.get(i - 1).height()) {
        throw new IllegalArgumentException(
            "two upgrades at height " + upgrades.get(i).height() + ": one per height");
      }
    }
  }
}
