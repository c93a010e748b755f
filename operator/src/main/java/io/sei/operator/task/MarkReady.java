package io.sei.operator.task;

import io.sei.operator.api.Conditions;
import io.sei.operator.planner.task.MarkReadyParams;
import io.sei.operator.render.Names;

/**
 * {@code mark-ready}: the sidecar becomes healthy, which lets seid start; records {@code
 * SidecarReady=True}.
 */
final class MarkReady extends SidecarExecution<MarkReadyParams> {
  /**
   * A bootstrap pod's seid starts only after mark-ready completed (its proxy's startup probe): if
   * it ran and ended — e.g. stopped at once for an upgrade — mark-ready was done, even when the
   * ended pod's sidecar can no longer confirm it.
   */
  @Override
  boolean doneBeforeThePodEnded(TaskContext context) {
    return BootstrapJobs.seidTermination(context, Names.bootstrapJob(context.node())).isPresent();
  }

  @Override
  void completed(TaskContext context, MarkReadyParams params) {
    context.condition(
        Conditions.SIDECAR_READY,
        Conditions.TRUE,
        Conditions.REASON_SIDECAR_READY,
        "the sidecar completed mark-ready");
  }
}
