package io.sei.operator.simulator.chain;

import io.sei.operator.simulator.home.NodeState;
import io.sei.operator.simulator.version.SemVer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The chain's state and rules, without threads or sockets: block production with halts at upgrade
 * heights, follower progress, signatures and double-sign evidence, snapshots.
 */
public final class ChainLedger {

  /** Signatures older than this many blocks below the tip are forgotten. */
  static final long SIGNATURE_WINDOW = 100_000;

  /** The last progress a follower reported. */
  public record Follower(String nodeId, String version, long height, long reportedAtMillis) {}

  /** One key signing one height from two or more nodes. */
  public record Evidence(String address, long height, List<String> signers) {}

  /** A snapshot: the state of the network at {@code height}. */
  public record Snapshot(long height, List<NodeState.AppliedUpgrade> upgrades) {}

  /** What a status query sees. */
  public record Status(long height, Upgrade haltedAt) {}

  /** How much one key signed. */
  public record Signer(String address, long count, long lastHeight, Set<String> nodes) {}

  private final ChainConfig config;
  private final LongSupplier clockMillis;
  private final Consumer<String> log;

  private long height;
  private Long haltedSinceMillis;
  private final Set<String> released = new HashSet<>();
  private final Map<String, Follower> followers = new TreeMap<>();
  private final Map<String, NavigableMap<Long, String>> firstSignerByHeight = new HashMap<>();
  private final Map<String, Signer> signers = new TreeMap<>();
  private final Map<String, Evidence> evidence = new LinkedHashMap<>();

  public ChainLedger(ChainConfig config, LongSupplier clockMillis, Consumer<String> log) {
    this.config = config;
    this.clockMillis = clockMillis;
    this.log = log;
  }

  /** One block time passed: commit the next block unless the network halts at an upgrade. */
  public synchronized void tick() {
    long next = height + 1;
    Optional<Upgrade> upgrade = upgradeAt(next);
    if (upgrade.isPresent() && !released.contains(upgrade.get().name())) {
      Upgrade u = upgrade.get();
      if (haltedSinceMillis == null) {
        haltedSinceMillis = clockMillis.getAsLong();
        log.accept("HALT height=" + height + " upgrade=" + u.name() + " upgrade_height=" + next);
      }
      if (!mayResume(u)) {
        return;
      }
      released.add(u.name());
      haltedSinceMillis = null;
      log.accept("RESUME upgrade=" + u.name() + " height=" + next);
    }
    height = next;
  }

  private boolean mayResume(Upgrade upgrade) {
    if (config.resumeAfterUpgradeMs() != null) {
      return clockMillis.getAsLong() - haltedSinceMillis >= config.resumeAfterUpgradeMs();
    }
    return followers.values().stream()
        .anyMatch(f -> f.height() >= upgrade.height() - 1 && handles(f.version(), upgrade));
  }

  private static boolean handles(String version, Upgrade upgrade) {
    try {
      return upgrade.handledBy(SemVer.parse(version));
    } catch (IllegalArgumentException notAVersion) {
      return false;
    }
  }

  private Optional<Upgrade> upgradeAt(long h) {
    return config.upgrades().stream().filter(u -> u.height() == h).findFirst();
  }

  public synchronized Status status() {
    Upgrade haltedAt = haltedSinceMillis == null ? null : upgradeAt(height + 1).orElse(null);
    return new Status(height, haltedAt);
  }

  public List<Upgrade> upgrades() {
    return config.upgrades();
  }

  /**
   * Records a follower's progress and, when {@code address} is not null, its signature of {@code
   * reportedHeight} with that key. Returns the chain's height.
   */
  public synchronized long report(
      String nodeId, String version, long reportedHeight, String address) {
    followers.put(nodeId, new Follower(nodeId, version, reportedHeight, clockMillis.getAsLong()));
    if (address != null) {
      sign(address, nodeId, reportedHeight);
    }
    return height;
  }

  private void sign(String address, String nodeId, long signedHeight) {
    NavigableMap<Long, String> byHeight =
        firstSignerByHeight.computeIfAbsent(address, a -> new TreeMap<>());
    String first = byHeight.putIfAbsent(signedHeight, nodeId);
    byHeight.headMap(height - SIGNATURE_WINDOW).clear();
    Signer before = signers.get(address);
    Set<String> nodes = new LinkedHashSet<>(before == null ? Set.of() : before.nodes());
    nodes.add(nodeId);
    signers.put(
        address,
        new Signer(
            address,
            before == null ? 1 : before.count() + 1,
            Math.max(signedHeight, before == null ? 0 : before.lastHeight()),
            nodes));
    if (first != null && !first.equals(nodeId)) {
      String key = address + "@" + signedHeight;
      Evidence known = evidence.get(key);
      List<String> involved = new ArrayList<>(known == null ? List.of(first) : known.signers());
      if (!involved.contains(nodeId)) {
        involved.add(nodeId);
        evidence.put(key, new Evidence(address, signedHeight, List.copyOf(involved)));
        if (known == null) {
          log.accept(
              "EVIDENCE address="
                  + address
                  + " height="
                  + signedHeight
                  + " signers="
                  + String.join(",", involved));
        }
      }
    }
  }

  public synchronized List<Follower> followers() {
    return List.copyOf(followers.values());
  }

  public synchronized List<Evidence> evidence() {
    return List.copyOf(evidence.values());
  }

  public synchronized Optional<Signer> signer(String address) {
    return Optional.ofNullable(signers.get(address));
  }

  /** The latest snapshot at or below {@code target}, or a message saying why there is none. */
  public synchronized Snapshot snapshotAtOrBelow(long target) {
    long interval = config.snapshotInterval();
    if (interval == 0) {
      throw new IllegalStateException(
          "the chain takes no snapshots (start it with --snapshot-interval K)");
    }
    long latest = Math.min(target, height) / interval * interval;
    if (latest == 0) {
      throw new IllegalStateException(
          "no snapshot at or below height "
              + target
              + ": the earliest snapshot is at height "
              + interval
              + (height < interval ? " (the chain is at height " + height + ")" : ""));
    }
    List<NodeState.AppliedUpgrade> applied =
        config.upgrades().stream()
            .filter(u -> u.height() <= latest)
            .map(u -> new NodeState.AppliedUpgrade(u.name(), u.height()))
            .toList();
    return new Snapshot(latest, applied);
  }
}
