package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.Secret;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.drift.NodeDrift;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Who else holds a signing key. A key is the same when another SeiNode of the namespace names the
 * same Secret, or a Secret whose key has the same {@code address}. Of two claimants the holder is
 * the one whose pod has the key mounted ({@code status.signingKeyMountedSecret}), else the older
 * (creation time, then name): every claimant computes the same answer, so exactly one proceeds. A
 * SeiNode being deleted still holds the key until its finalizer is removed, once its pods are gone.
 */
final class SigningKeyHolders {
  private SigningKeyHolders() {}

  /** The SeiNode other than {@code context.node()} that holds the key of {@code secretName}. */
  static Optional<SeiNode> holder(TaskContext context, String secretName) {
    SeiNode self = context.node();
    Optional<String> address = KeySecrets.read(context, secretName).flatMap(KeySecrets::address);
    boolean selfMounts = mounted(self).isPresent();
    return context
        .services()
        .client()
        .resources(SeiNode.class)
        .inNamespace(context.namespace())
        .list()
        .getItems()
        .stream()
        .filter(other -> !other.getMetadata().getName().equals(self.getMetadata().getName()))
        .filter(other -> sameKey(context, other, secretName, address))
        .filter(other -> mounted(other).isPresent() || (!selfMounts && older(other, self)))
        .min(AGE);
  }

  private static final Comparator<SeiNode> AGE =
      Comparator.comparing((SeiNode n) -> n.getMetadata().getCreationTimestamp())
          .thenComparing(n -> n.getMetadata().getName());

  private static boolean older(SeiNode other, SeiNode self) {
    return self.getMetadata().getCreationTimestamp() == null || AGE.compare(other, self) < 0;
  }

  private static Optional<String> mounted(SeiNode node) {
    return Optional.ofNullable(node.getStatus()).map(s -> s.getSigningKeyMountedSecret());
  }

  /** {@code other} claims or mounts the key of {@code secretName}, by Secret or by address. */
  private static boolean sameKey(
      TaskContext context, SeiNode other, String secretName, Optional<String> address) {
    return NodeDrift.signingKeySecret(other.getSpec()).stream()
            .anyMatch(s -> s.equals(secretName) || sameAddress(context, s, address))
        || mounted(other)
            .filter(s -> s.equals(secretName) || sameAddress(context, s, address))
            .isPresent();
  }

  private static boolean sameAddress(
      TaskContext context, String otherSecret, Optional<String> address) {
    if (address.isEmpty()) {
      return false;
    }
    Optional<Secret> secret = KeySecrets.read(context, otherSecret);
    return secret
        .flatMap(KeySecrets::address)
        .filter(a -> Objects.equals(a, address.get()))
        .isPresent();
  }
}
