package io.sei.operator.simulator.home;

import java.util.ArrayList;
import java.util.List;

/**
 * What a node has committed: its height and the upgrades it applied. Persisted as {@code
 * data/sim-state.json} under the home.
 */
public record NodeState(long height, List<AppliedUpgrade> upgrades) {

  public static final NodeState EMPTY = new NodeState(0, List.of());

  /** One applied upgrade. */
  public record AppliedUpgrade(String name, long height) {}

  public NodeState {
    upgrades = upgrades == null ? List.of() : List.copyOf(upgrades);
  }

  public boolean applied(String name) {
    return upgrades.stream().anyMatch(u -> u.name().equals(name));
  }

  public NodeState withHeight(long newHeight) {
    return new NodeState(newHeight, upgrades);
  }

  public NodeState withUpgrade(String name, long upgradeHeight) {
    List<AppliedUpgrade> all = new ArrayList<>(upgrades);
    all.add(new AppliedUpgrade(name, upgradeHeight));
    return new NodeState(height, all);
  }
}
