package io.sei.operator.task;

import io.sei.operator.planner.task.DeployBootstrapJobParams;
import io.sei.operator.render.BootstrapJob;

/** {@code deploy-bootstrap-job}: the Job that syncs the data PVC to the halt height. */
final class DeployBootstrapJob implements TaskExecution<DeployBootstrapJobParams> {
  @Override
  public Progress run(TaskContext context, DeployBootstrapJobParams params) {
    context.apply(
        BootstrapJob.render(
            context.node(), context.services().config(), params.image(), params.haltHeight()));
    return Progress.done();
  }
}
