package io.sei.operator.planner.task;

/**
 * Params of {@code observe-signing-key}: once the pod mounts the Secret, stamp {@code
 * status.signingKeyMountedSecret = secretName}.
 */
public record ObserveSigningKeyParams(String secretName) implements TaskParams {
  public ObserveSigningKeyParams {
    Require.text(secretName, "secretName");
  }
}
