package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sei.operator.planner.task.AwaitBootstrapCompleteParams;
import io.sei.operator.render.Names;
import java.util.Optional;

/**
 * {@code await-bootstrap-complete}: the bootstrap Job ended as planned. Without an upgrade, the Job
 * succeeded (seid halted at the height); a failed Job fails the plan with seid's exit code and
 * termination message (e.g. exit 130, the halt height is behind the data).
 *
 * <p>With {@code upgradeName}, the old binary must stop for that upgrade at its height — the Job
 * fails, and seid's termination message names {@code UPGRADE "<name>" NEEDED at height: <H>}: the
 * binary wrote {@code data/upgrade-info.json} first, which the new binary needs to add stores.
 * Exactly that end is success. A Job that succeeded means the old binary halted cleanly at the
 * height without meeting the upgrade, and any other failure is a failure: both fail the plan.
 */
final class AwaitBootstrapComplete implements TaskExecution<AwaitBootstrapCompleteParams> {
  @Override
  public Progress run(TaskContext context, AwaitBootstrapCompleteParams params) {
    Job job = BootstrapJobs.job(context);
    if (job == null) {
      throw new IllegalStateException(
          "bootstrap Job " + Names.bootstrapJob(context.node()) + " does not exist");
    }
    if (params.upgradeName() != null) {
      return awaitUpgradeStop(context, params, job);
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

  /** What the old binary says when it stops for the upgrade (Cosmos SDK x/upgrade). */
  static String upgradeStop(String name, long height) {
    return "UPGRADE \"" + name + "\" NEEDED at height: " + height;
  }

  private static Progress awaitUpgradeStop(
      TaskContext context, AwaitBootstrapCompleteParams params, Job job) {
    String name = job.getMetadata().getName();
    String expected = upgradeStop(params.upgradeName(), params.upgradeHeight());
    if (BootstrapJobs.has(job, "Complete")) {
      throw new TerminalTaskException(
          "bootstrap Job "
              + name
              + " ended with seid halting cleanly at height "
              + params.upgradeHeight()
              + " instead of stopping for upgrade "
              + params.upgradeName()
              + ": the chain has no upgrade of that name at that height (check the upgrade name"
              + " and height), and the old binary may have committed block "
              + params.upgradeHeight());
    }
    if (!BootstrapJobs.has(job, "Failed")) {
      return Progress.waiting(
          "bootstrap Job " + name + " to stop for upgrade " + params.upgradeName());
    }
    Optional<ContainerStateTerminated> seid = BootstrapJobs.seidTermination(context, name);
    String message = seid.map(ContainerStateTerminated::getMessage).orElse("");
    if (message != null && message.contains(expected)) {
      return Progress.done();
    }
    throw new TerminalTaskException(
        BootstrapJobs.failure(context, job).orElse("bootstrap Job " + name + " failed")
            + "; expected seid to stop with '"
            + expected
            + "'");
  }
}
