package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.Pod;
import io.sei.operator.planner.task.ObserveImageParams;
import io.sei.operator.render.NodePod;
import java.util.Optional;

/**
 * {@code observe-image}: once the rollout is complete and seid in the pod runs the image, ready,
 * stamps {@code status.currentImage}; a seid that cannot run fails the update ({@link
 * UpdateProgress}).
 */
final class ObserveImage implements TaskExecution<ObserveImageParams> {
  @Override
  public Progress run(TaskContext context, ObserveImageParams params) {
    Optional<Pod> pod =
        NodePods.rolledOut(context)
            .filter(
                p ->
                    p.getSpec().getContainers().stream()
                        .anyMatch(
                            c ->
                                NodePod.SEID_CONTAINER.equals(c.getName())
                                    && params.image().equals(c.getImage())));
    Progress progress = UpdateProgress.awaitSeid(context, pod, "the pod to run " + params.image());
    if (progress instanceof Progress.Done) {
      context.status().setCurrentImage(params.image());
    }
    return progress;
  }
}
