package io.sei.operator.planner.deploy;

import io.sei.operator.planner.task.AwaitNodesCaughtUpParams;
import io.sei.operator.planner.task.AwaitNodesRunningParams;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.HandOverValidatorKeysParams;
import io.sei.operator.planner.task.SwitchTrafficParams;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.TeardownNodesParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan shared by BlueGreen and HardFork: create, await, [caught up], switch, tear down, and for
 * a signing validator, hand the keys over. Entrants of a signing validator run without its keys
 * (observers) until every incumbent pod is gone: break before make, so no two pods ever hold the
 * key, at the cost of a signing gap from the incumbent's stop to the entrant's first signature.
 */
final class EntrantRollouts {
  private EntrantRollouts() {}

  static List<TaskParams> steps(Rollout r, boolean awaitCaughtUp) {
    List<TaskParams> steps = new ArrayList<>();
    steps.add(
        new CreateEntrantNodesParams(
            r.groupName(),
            r.namespace(),
            r.entrantRevision(),
            r.entrantNodes(),
            r.hardFork().orElse(null),
            r.validatorKeys()));
    steps.add(
        new AwaitNodesRunningParams(
            r.groupName(), r.namespace(), r.entrantNodes().size(), r.entrantNodes()));
    if (awaitCaughtUp) {
      steps.add(new AwaitNodesCaughtUpParams(r.groupName(), r.namespace(), r.entrantNodes()));
    }
    steps.add(new SwitchTrafficParams(r.groupName(), r.namespace(), r.entrantRevision()));
    List<String> teardown = new ArrayList<>(r.incumbentNodes());
    teardown.addAll(r.staleNodes());
    steps.add(new TeardownNodesParams(r.namespace(), teardown));
    if (r.validatorKeys()) {
      steps.add(
          new HandOverValidatorKeysParams(
              r.groupName(), r.namespace(), r.entrantNodes(), teardown));
    }
    return steps;
  }
}
