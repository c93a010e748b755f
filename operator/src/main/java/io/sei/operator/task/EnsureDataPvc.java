package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.sei.operator.api.Conditions;
import io.sei.operator.planner.task.EnsureDataPvcParams;
import io.sei.operator.render.DataPvc;

/**
 * {@code ensure-data-pvc}: applies the node's data PVC; an imported PVC is only checked (it must
 * exist and be bound), never applied, owned or deleted.
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
    context.condition(
        Conditions.IMPORT_PVC_READY,
        Conditions.TRUE,
        Conditions.REASON_IMPORT_PVC_BOUND,
        "imported PVC " + params.importPvcName() + " is bound");
    return Progress.done();
  }
}
