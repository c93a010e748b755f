package io.sei.operator.group;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.TeardownNodesParams;
import io.sei.operator.render.Names;
import io.sei.operator.task.Progress;

/**
 * {@code teardown-nodes}: deletes the named SeiNodes (their children go with them by owner
 * reference) and, once a node is gone, its data PVC when it was retained (not owned: the
 * deployment's {@code deletionPolicy: Retain} keeps data only when the deployment is deleted, not
 * when a rollout replaces nodes); done once the nodes are gone.
 */
final class TeardownNodes {
  Progress run(GroupContext context, TeardownNodesParams params) {
    boolean gone = true;
    for (String name : params.nodeNames()) {
      var node =
          context.client().resources(SeiNode.class).inNamespace(params.namespace()).withName(name);
      if (node.get() != null) {
        node.delete();
        gone = false;
      } else {
        deleteRetainedData(context, params.namespace(), name);
      }
    }
    return gone ? Progress.done() : Progress.waiting("the torn-down SeiNodes to be gone");
  }

  private static void deleteRetainedData(GroupContext context, String namespace, String node) {
    var claim =
        context
            .client()
            .persistentVolumeClaims()
            .inNamespace(namespace)
            .withName(Names.dataPvc(node));
    PersistentVolumeClaim pvc = claim.get();
    if (pvc != null
        && pvc.getMetadata().getLabels() != null
        && Labels.RETAIN_DATA_VALUE.equals(pvc.getMetadata().getLabels().get(Labels.RETAIN_DATA))
        && node.equals(pvc.getMetadata().getLabels().get(Labels.NODE))) {
      claim.delete();
    }
  }
}
