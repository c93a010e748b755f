package io.sei.operator.planner.task;

/**
 * Sidecar params of {@code configure-genesis} (wire: {@code {}}): write the genesis of the chain
 * the sidecar serves. The sidecar takes the chain id from its environment ({@code SEI_CHAIN_ID}),
 * not from params.
 */
public record ConfigureGenesisParams() implements TaskParams {}
