package io.sei.operator.planner.deploy;

import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.task.TaskParams;
import java.util.List;

/**
 * BlueGreen: {@code create-entrant-nodes → await-nodes-running → await-nodes-caught-up →
 * switch-traffic → teardown-nodes}. Entrants must reach the chain tip before traffic moves.
 */
public final class BlueGreenRollout implements RolloutStrategy {

  @Override
  public UpdateStrategyType type() {
    return UpdateStrategyType.BlueGreen;
  }

  @Override
  public boolean createsEntrants() {
    return true;
  }

  @Override
  public List<TaskParams> steps(Rollout rollout) {
    return EntrantRollouts.steps(rollout, true);
  }
}
