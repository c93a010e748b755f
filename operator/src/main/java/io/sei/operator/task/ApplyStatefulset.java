package io.sei.operator.task;

import io.sei.operator.planner.task.ApplyStatefulsetParams;
import io.sei.operator.render.NodeStatefulSet;

/**
 * {@code apply-statefulset}: the production StatefulSet with the image the plan rolls out (from the
 * params, not the spec). Updates are {@code OnDelete}: {@code replace-pod} cycles the pod.
 */
final class ApplyStatefulset implements TaskExecution<ApplyStatefulsetParams> {
  @Override
  public Progress run(TaskContext context, ApplyStatefulsetParams params) {
    context.apply(
        NodeStatefulSet.render(context.node(), context.services().config(), params.image()));
    return Progress.done();
  }
}
