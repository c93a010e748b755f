package io.sei.operator.planner.deploy;

import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.task.TaskParams;
import java.util.List;

/**
 * HardFork (seed 003): {@code create-entrant-nodes → await-nodes-running → switch-traffic →
 * teardown-nodes}. No halt signal and no await-height: entrants bootstrap on the incumbent image to
 * {@code haltHeight - 1}, then their production pod runs the new image through the upgrade, so
 * Running already means "past the fork". Incumbents are never halted by the operator.
 */
public final class HardForkRollout implements RolloutStrategy {

  @Override
  public UpdateStrategyType type() {
    return UpdateStrategyType.HardFork;
  }

  @Override
  public boolean createsEntrants() {
    return true;
  }

  @Override
  public List<TaskParams> steps(Rollout rollout) {
    return EntrantRollouts.steps(rollout, false);
  }
}
