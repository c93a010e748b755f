package io.sei.operator.task;

import io.sei.operator.planner.task.ConfigureGenesisParams;

/**
 * {@code configure-genesis}: submitted to the sidecar as planned, done when the sidecar completed
 * it.
 */
final class ConfigureGenesis extends SidecarExecution<ConfigureGenesisParams> {}
