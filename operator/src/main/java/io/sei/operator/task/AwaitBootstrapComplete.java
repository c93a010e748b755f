package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sei.operator.planner.task.AwaitBootstrapCompleteParams;
import io.sei.operator.render.Names;
import java.util.Optional;

/**
 * {@code await-bootstrap-complete}: the bootstrap Job succeeded (seid halted at the height). A
 * failed Job fails the plan with seid's exit code and termination message (e.g. exit 130, the halt
 * height is behind the data).
 */
final class AwaitBootstrapComplete implements TaskExecution<AwaitBootstrapCompleteParams> {
  @Override
  public Progress run(TaskContext context, AwaitBootstrapCompleteParams params) {
    Job job = BootstrapJobs.job(context);
    if (job == null) {
      throw new IllegalStateException(
          "bootstrap Job " + Names.bootstrapJob(context.node()) + " does not exist");
    }
    if (BootstrapJobs.has(job, "Complete")) {
      return Progress.done();
    }
    Optional<String> failure = BootstrapJobs.failure(context, job);
    if (failure.isPresent()) {
      throw new TerminalTaskException(failure.get());
    }
    return Progress.waiting(
        "bootstrap Job " + job.getMetadata().getName() + " to halt at its height");
  }
}
