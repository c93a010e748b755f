package io.sei.operator.planner.task;

/**
 * Params of {@code validate-signing-key}: the Secret must hold a well-formed {@code
 * priv_validator_key.json}; sets {@code SigningKeyReady}.
 */
public record ValidateSigningKeyParams(String secretName) implements TaskParams {
  public ValidateSigningKeyParams {
    Require.text(secretName, "secretName");
  }
}
