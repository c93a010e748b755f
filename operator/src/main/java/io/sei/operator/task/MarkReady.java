package io.sei.operator.task;

import io.sei.operator.api.Conditions;
import io.sei.operator.planner.task.MarkReadyParams;

/**
 * {@code mark-ready}: the sidecar becomes healthy, which lets seid start; records {@code
 * SidecarReady=True}.
 */
final class MarkReady extends SidecarExecution<MarkReadyParams> {
  @Override
  void completed(TaskContext context, MarkReadyParams params) {
    context.condition(
        Conditions.SIDECAR_READY,
        Conditions.TRUE,
        Conditions.REASON_SIDECAR_READY,
        "the sidecar completed mark-ready");
  }
}
