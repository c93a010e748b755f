package io.sei.operator.planner.deploy;

import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.task.AwaitNodesUpdatedParams;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.UpdateNodeSpecsParams;
import java.util.List;

/**
 * InPlace: {@code update-node-specs → await-nodes-updated}. The nodes keep their names; each
 * converges through its own node-update plan.
 */
public final class InPlaceRollout implements RolloutStrategy {

  @Override
  public UpdateStrategyType type() {
    return UpdateStrategyType.InPlace;
  }

  @Override
  public boolean createsEntrants() {
    return false;
  }

  @Override
  public List<TaskParams> steps(Rollout r) {
    return List.of(
        new UpdateNodeSpecsParams(
            r.groupName(), r.namespace(), r.entrantRevision(), r.incumbentNodes()),
        new AwaitNodesUpdatedParams(r.groupName(), r.namespace(), r.image(), r.incumbentNodes()));
  }
}
