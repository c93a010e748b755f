package io.sei.operator.task;

import io.sei.operator.planner.task.ConfigApplyParams;

/**
 * {@code config-apply}: submitted to the sidecar as planned, done when the sidecar completed it.
 */
final class ConfigApply extends SidecarExecution<ConfigApplyParams> {}
