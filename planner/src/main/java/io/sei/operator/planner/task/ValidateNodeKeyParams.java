package io.sei.operator.planner.task;

/**
 * Params of {@code validate-node-key}: the Secret must hold a well-formed {@code node_key.json};
 * sets {@code NodeKeyReady}.
 */
public record ValidateNodeKeyParams(String secretName) implements TaskParams {
  public ValidateNodeKeyParams {
    Require.text(secretName, "secretName");
  }
}
