package io.sei.operator.planner.task;

/**
 * Sidecar params of {@code configure-genesis} (wire: {@code {"chainId": string}}): fetch the
 * genesis of the chain.
 */
public record ConfigureGenesisParams(String chainId) implements TaskParams {
  public ConfigureGenesisParams {
    Require.text(chainId, "chainId");
  }
}
