package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.sei.operator.planner.task.TeardownBootstrapParams;
import io.sei.operator.render.Names;
import io.sei.operator.render.NodePod;
import io.sei.operator.render.PodRole;

/**
 * {@code teardown-bootstrap}: deletes the bootstrap Job (its pod first: foreground deletion) and
 * Service; done once they are gone. The data PVC survives: it carries the synced height to the
 * StatefulSet.
 */
final class TeardownBootstrap implements TaskExecution<TeardownBootstrapParams> {
  @Override
  public Progress run(TaskContext context, TeardownBootstrapParams params) {
    var client = context.services().client();
    String ns = context.namespace();
    var job =
        client.batch().v1().jobs().inNamespace(ns).withName(Names.bootstrapJob(context.node()));
    var service =
        client
            .services()
            .inNamespace(ns)
            .withName(Names.service(context.node(), PodRole.BOOTSTRAP));
    var pods =
        client
            .pods()
            .inNamespace(ns)
            .withLabels(NodePod.selector(context.node(), PodRole.BOOTSTRAP));
    if (job.get() != null) {
      job.withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
    }
    if (service.get() != null) {
      service.delete();
    }
    return job.get() == null && service.get() == null && pods.list().getItems().isEmpty()
        ? Progress.done()
        : Progress.waiting("the bootstrap Job, its pod and Service to be gone");
  }
}
