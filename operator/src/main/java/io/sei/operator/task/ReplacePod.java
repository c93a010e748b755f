package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.sei.operator.planner.task.ReplacePodParams;
import io.sei.operator.render.PodSpecHash;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code replace-pod}: the StatefulSet updates only on delete, so the pod is deleted when — and
 * only when — it was not created from the applied template ({@link PodSpecHash}) and the
 * StatefulSet controller has observed that template (else it could recreate the pod from the old
 * one); done once the pod created from the template has its sidecar reachable. (seid starts after
 * {@code mark-ready}, later in the plan.)
 */
final class ReplacePod implements TaskExecution<ReplacePodParams> {
  private static final Logger LOG = LoggerFactory.getLogger(ReplacePod.class);

  @Override
  public Progress run(TaskContext context, ReplacePodParams params) {
    StatefulSet sts = NodePods.statefulSet(context);
    Optional<Pod> pod = NodePods.productionPod(context);
    if (pod.isEmpty() || pod.get().getMetadata().getDeletionTimestamp() != null) {
      return Progress.waiting("the StatefulSet controller recreates the pod");
    }
    if (PodSpecHash.isStale(pod.get(), sts)) {
      if (!observedByController(sts)) {
        // Deleted now, the pod could come back from the old template, stale again: a second cycle.
        return Progress.waiting("the StatefulSet controller observes the applied template");
      }
      // Evidence for a pod cycled twice: which pod went, why, and what the controller had seen.
      LOG.info(
          "replace-pod deletes {} (uid {}, pod-spec-hash {}; StatefulSet wants {}, generation {},"
              + " observed {})",
          pod.get().getMetadata().getName(),
          pod.get().getMetadata().getUid(),
          Optional.ofNullable(pod.get().getMetadata().getAnnotations())
              .map(a -> a.get(PodSpecHash.ANNOTATION))
              .orElse(null),
          sts.getSpec().getTemplate().getMetadata().getAnnotations().get(PodSpecHash.ANNOTATION),
          sts.getMetadata().getGeneration(),
          sts.getStatus().getObservedGeneration());
      context
          .services()
          .client()
          .pods()
          .inNamespace(context.namespace())
          .resource(pod.get())
          .delete();
      return Progress.waiting("deleted the stale pod " + pod.get().getMetadata().getName());
    }
    return NodePods.isSidecarReachable(pod.get())
        ? Progress.done()
        : Progress.waiting("the new pod starts its sidecar and proxy");
  }

  private static boolean observedByController(StatefulSet sts) {
    Long observed = sts.getStatus() == null ? null : sts.getStatus().getObservedGeneration();
    return observed != null && observed >= sts.getMetadata().getGeneration();
  }
}
