package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.EnsureDataPvcParams;
import io.sei.operator.render.DataPvc;
import io.sei.operator.render.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ensure-data-pvc}: applies the node's data PVC; an imported PVC is only checked (it must
 * exist and be bound, and no other SeiNode may name it nor any pod but this node's mount it: two
 * seids on one data directory corrupt it), never applied, owned or deleted.
 */
final class EnsureDataPvc implements TaskExecution<EnsureDataPvcParams> {
  @Override
  public Progress run(TaskContext context, EnsureDataPvcParams params) {
    if (params.importPvcName() == null) {
      DataPvc.render(context.node(), context.services().config()).ifPresent(context::apply);
      return Progress.done();
    }
    PersistentVolumeClaim pvc =
        context
            .services()
            .client()
            .persistentVolumeClaims()
            .inNamespace(context.namespace())
            .withName(params.importPvcName())
            .get();
    if (pvc == null || pvc.getStatus() == null || !"Bound".equals(pvc.getStatus().getPhase())) {
      String why =
          "imported PVC "
              + params.importPvcName()
              + (pvc == null ? " does not exist" : " is not bound yet");
      context.condition(
          Conditions.IMPORT_PVC_READY,
          Conditions.FALSE,
          Conditions.REASON_IMPORT_PVC_NOT_READY,
          why);
      return Progress.waiting(why);
    }
    Optional<String> holder = otherHolder(context, params.importPvcName());
    if (holder.isPresent()) {
      String why =
          "imported PVC "
              + params.importPvcName()
              + " is in use by "
              + holder.get()
              + ": a data directory has one seid; import another PVC or free this one";
      context.condition(
          Conditions.IMPORT_PVC_READY, Conditions.FALSE, Conditions.REASON_IMPORT_PVC_IN_USE, why);
      return Progress.waiting(why);
    }
    context.condition(
        Conditions.IMPORT_PVC_READY,
        Conditions.TRUE,
        Conditions.REASON_IMPORT_PVC_BOUND,
        "imported PVC " + params.importPvcName() + " is bound");
    return Progress.done();
  }

  /** Another SeiNode importing the claim, or a pod not of this node mounting it. */
  private static Optional<String> otherHolder(TaskContext context, String claim) {
    String self = context.node().getMetadata().getName();
    var client = context.services().client();
    Optional<String> node =
        client.resources(SeiNode.class).inNamespace(context.namespace()).list().getItems().stream()
            .filter(n -> !n.getMetadata().getName().equals(self))
            .filter(n -> Names.importedPvc(n).filter(claim::equals).isPresent())
            .map(n -> "SeiNode " + n.getMetadata().getName())
            .findFirst();
    if (node.isPresent()) {
      return node;
    }
    return client.pods().inNamespace(context.namespace()).list().getItems().stream()
        .filter(p -> !self.equals(labels(p).get(Labels.NODE)))
        .filter(
            p ->
                p.getStatus() == null
                    || !List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()))
        .filter(
            p ->
                p.getSpec().getVolumes().stream()
                    .anyMatch(
                        v ->
                            v.getPersistentVolumeClaim() != null
                                && claim.equals(v.getPersistentVolumeClaim().getClaimName())))
        .map(p -> "pod " + p.getMetadata().getName())
        .findFirst();
  }

  private static Map<String, String> labels(Pod pod) {
    return Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
  }
}
