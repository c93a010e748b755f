package io.sei.operator.group;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.TeardownNodesParams;
import io.sei.operator.render.Names;
import io.sei.operator.task.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code teardown-nodes}: deletes the named SeiNodes (their children go with them by owner
 * reference) and, once a node is gone, its data PVC when it was retained (not owned: the
 * deployment's {@code deletionPolicy: Retain} keeps data only when the deployment is deleted, not
 * when a rollout replaces nodes); done once the nodes and every pod of theirs are gone. A pod
 * outlives its SeiNode by its garbage collection and termination grace: until it is gone, its seid
 * may still sign.
 */
final class TeardownNodes {
  Progress run(GroupContext context, TeardownNodesParams params) {
    List<String> remaining = new ArrayList<>();
    for (String name : params.nodeNames()) {
      var node =
          context.client().resources(SeiNode.class).inNamespace(params.namespace()).withName(name);
      if (node.get() != null) {
        node.delete();
        remaining.add("SeiNode " + name);
      } else {
        deleteRetainedData(context, params.namespace(), name);
      }
    }
    remaining.addAll(livePods(context, params.namespace(), params.nodeNames()));
    return remaining.isEmpty()
        ? Progress.done()
        : Progress.waiting("torn-down nodes still present: " + String.join(", ", remaining));
  }

  /** {@code pod <name>} for every pod, terminating or not, of any of {@code nodes}. */
  static List<String> livePods(GroupContext context, String namespace, List<String> nodes) {
    if (nodes.isEmpty()) {
      return List.of();
    }
    return context
        .client()
        .pods()
        .inNamespace(namespace)
        .withLabelIn(Labels.NODE, nodes.toArray(String[]::new))
        .list()
        .getItems()
        .stream()
        .map(pod -> "pod " + pod.getMetadata().getName())
        .sorted()
        .toList();
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
