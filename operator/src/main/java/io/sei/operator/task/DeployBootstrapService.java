package io.sei.operator.task;

import io.sei.operator.planner.task.DeployBootstrapServiceParams;
import io.sei.operator.render.NodeService;
import io.sei.operator.render.PodRole;

/** {@code deploy-bootstrap-service}: the bootstrap pod's headless Service. */
final class DeployBootstrapService implements TaskExecution<DeployBootstrapServiceParams> {
  @Override
  public Progress run(TaskContext context, DeployBootstrapServiceParams params) {
    context.apply(NodeService.render(context.node(), PodRole.BOOTSTRAP));
    return Progress.done();
  }
}
