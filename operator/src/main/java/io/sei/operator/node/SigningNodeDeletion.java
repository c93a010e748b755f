package io.sei.operator.node;

import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.drift.NodeDrift;
import io.sei.operator.render.Names;
import io.sei.operator.task.NodeServices;
import java.util.List;
import java.util.Optional;

/**
 * The deletion of a SeiNode that holds a signing key completes only once every pod of it is gone:
 * until then its seid may still sign, and a new holder of the key (a re-created node, a rollout's
 * entrant) waits on this SeiNode. The operator's finalizer stays while pods remain; it deletes the
 * StatefulSet and the bootstrap Job itself, since their garbage collection would wait for the
 * SeiNode to be gone. Other nodes are let go at once.
 */
final class SigningNodeDeletion {
  private SigningNodeDeletion() {}

  /** Empty when the SeiNode may go now; else what it waits for. */
  static Optional<String> blockedBy(NodeServices services, SeiNode node) {
    if (!holdsKey(node)) {
      return Optional.empty();
    }
    String namespace = node.getMetadata().getNamespace();
    String name = node.getMetadata().getName();
    var client = services.client();
    client.apps().statefulSets().inNamespace(namespace).withName(Names.statefulSet(node)).delete();
    client.batch().v1().jobs().inNamespace(namespace).withName(Names.bootstrapJob(node)).delete();
    List<String> pods =
        client.pods().inNamespace(namespace).withLabel(Labels.NODE, name).list().getItems().stream()
            .map(p -> p.getMetadata().getName())
            .sorted()
            .toList();
    return pods.isEmpty()
        ? Optional.empty()
        : Optional.of("its pods, which may still sign, to be gone: " + String.join(", ", pods));
  }

  private static boolean holdsKey(SeiNode node) {
    return NodeDrift.signingKeySecret(node.getSpec()).isPresent()
        || (node.getStatus() != null && node.getStatus().getSigningKeyMountedSecret() != null);
  }
}
