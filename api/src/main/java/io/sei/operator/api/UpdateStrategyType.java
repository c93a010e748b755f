package io.sei.operator.api;

/** How a SeiNodeDeployment rolls out a template change. */
public enum UpdateStrategyType {
  InPlace,
  BlueGreen,
  HardFork;
}
