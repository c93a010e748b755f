package io.sei.operator.planner.deploy;

import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.task.TaskParams;
import java.util.List;

/** One way of rolling a template change out to a group (SPEC §5.3). */
public interface RolloutStrategy {

  UpdateStrategyType type();

  /** True when the strategy creates new nodes (and so names entrants). */
  boolean createsEntrants();

  /** The plan's tasks, in order. */
  List<TaskParams> steps(Rollout rollout);

  /** The strategy of {@code type}; InPlace when the spec names none. */
  static RolloutStrategy forType(UpdateStrategyType type) {
    if (type == null) {
      return new InPlaceRollout();
    }
    switch (type) {
      case BlueGreen:
        return new BlueGreenRollout();
      case HardFork:
        return new HardForkRollout();
      default:
        return new InPlaceRollout();
    }
  }
}
