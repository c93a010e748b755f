package io.sei.operator.planner.drift;

import io.sei.operator.api.KeySource;
import io.sei.operator.api.SecretKeySource;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.api.ValidatorSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between a Running node's spec and what its pod actually runs (seeds 000/002).
 * Several flags feed one node-update plan; each flag has an observer task that stamps the matching
 * {@code status.current*} field when the pod runs the new value.
 *
 * @param image {@link #imageDrift(SeiNode)}
 * @param signingKey {@link #signingKeyDrift(SeiNode)}
 */
public record NodeDrift(boolean image, boolean signingKey) {

  /** Both flags of {@code node}. */
  public static NodeDrift of(SeiNode node) {
    return new NodeDrift(imageDrift(node), signingKeyDrift(node));
  }

  /** True when any flag is set, i.e. a node-update plan is needed. */
  public boolean any() {
    return image || signingKey;
  }

  /** {@code spec.image != status.currentImage}. */
  public static boolean imageDrift(SeiNode node) {
    return !Objects.equals(node.getSpec().getImage(), status(node).getCurrentImage());
  }

  /**
   * Enable-only: true when the spec names a signing-key Secret that differs from {@code
   * status.signingKeyMountedSecret}; false when the spec has no signing key (removing a key is not
   * a supported workflow and never cycles the pod).
   */
  public static boolean signingKeyDrift(SeiNode node) {
    return signingKeySecret(node.getSpec())
        .map(secret -> !secret.equals(status(node).getSigningKeyMountedSecret()))
        .orElse(false);
  }

  /** The signing-key Secret the spec names, if any. */
  public static Optional<String> signingKeySecret(SeiNodeSpec spec) {
    return Optional.ofNullable(spec.getValidator())
        .map(ValidatorSpec::getSigningKey)
        .map(KeySource::getSecret)
        .map(SecretKeySource::getSecretName);
  }

  /** The node-key Secret the spec names, if any. */
  public static Optional<String> nodeKeySecret(SeiNodeSpec spec) {
    return Optional.ofNullable(spec.getValidator())
        .map(ValidatorSpec::getNodeKey)
        .map(KeySource::getSecret)
        .map(SecretKeySource::getSecretName);
  }

  private static SeiNodeStatus status(SeiNode node) {
    return node.getStatus() == null ? new SeiNodeStatus() : node.getStatus();
  }
}
