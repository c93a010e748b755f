package io.sei.operator.task;

import io.sei.operator.planner.task.ApplyServiceParams;
import io.sei.operator.render.NodeService;
import io.sei.operator.render.PodRole;

/** {@code apply-service}: the production pod's headless Service. */
final class ApplyService implements TaskExecution<ApplyServiceParams> {
  @Override
  public Progress run(TaskContext context, ApplyServiceParams params) {
    context.apply(NodeService.render(context.node(), PodRole.PRODUCTION));
    return Progress.done();
  }
}
