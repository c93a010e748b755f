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
 */
public record ChainConfig(
    String listen,
    long blockTimeMs,
    List<Upgrade> upgrades,
    long snapshotInterval,
    Long resumeAfterUpgradeMs) {

  public ChainConfig {
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
