package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.Pod;
import io.sei.operator.planner.plan.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a node update ends, for its observe tasks: done only once the new pod's seid runs and is
 * ready (a Running pod is not enough: seid may crash-loop in it); failed at once when seid cannot
 * run ({@link NodePods#seidFailure}: an unpullable image, a container that cannot be created, a
 * crash loop); failed once the plan has waited longer than {@code SEI_NODE_UPDATE_TIMEOUT} since it
 * started, naming what it waited for.
 */
final class UpdateProgress {
  private UpdateProgress() {}

  /**
   * @param rolledOut the production pod once it runs the applied template and the observed field
   * @param waitingFor what the task waits for, e.g. {@code the pod to run sei:v2}
   */
  static Progress awaitSeid(TaskContext context, Optional<Pod> rolledOut, String waitingFor) {
    Optional<Pod> current = NodePods.productionPod(context);
    Optional<String> failure = current.flatMap(NodePods::seidFailure);
    if (failure.isPresent()) {
      throw new TerminalTaskException(failure.get());
    }
    if (rolledOut.filter(NodePods::seidReady).isPresent()) {
      return Progress.done();
    }
    String why =
        rolledOut.isPresent()
            ? "seid in pod " + rolledOut.get().getMetadata().getName() + " to be ready"
            : waitingFor;
    Duration timeout = context.services().config().nodeUpdateTimeout();
    Instant now = context.services().clock().instant();
    Optional<Instant> started = Timestamps.parse(context.plan().getStartedAt());
    if (started.isPresent() && now.isAfter(started.get().plus(timeout))) {
      throw new TerminalTaskException(
          "the node update did not finish within "
              + timeout.toSeconds()
              + " s (SEI_NODE_UPDATE_TIMEOUT): still waiting for "
              + why);
    }
    return Progress.waiting(why);
  }
}
