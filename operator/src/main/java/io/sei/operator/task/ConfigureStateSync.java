package io.sei.operator.task;

import io.sei.operator.planner.task.ConfigureStateSyncParams;

/**
 * {@code configure-state-sync}: submitted to the sidecar as planned, done when the sidecar
 * completed it.
 */
final class ConfigureStateSync extends SidecarExecution<ConfigureStateSyncParams> {}
