package io.sei.operator.group;

import io.sei.operator.planner.task.SwitchTrafficParams;
import io.sei.operator.render.GroupService;
import io.sei.operator.task.Progress;
import io.sei.operator.task.ServerSideApply;

/**
 * {@code switch-traffic}: the group Service selects the entrant revision — before the incumbents
 * are torn down, so there is no traffic gap.
 */
final class SwitchTraffic {
  Progress run(GroupContext context, SwitchTrafficParams params) {
    ServerSideApply.apply(
        context.client(), GroupService.render(context.snd(), params.entrantRevision()));
    return Progress.done();
  }
}
