package io.sei.operator.task;

import io.sei.operator.planner.task.ConfigValidateParams;

/**
 * {@code config-validate}: submitted to the sidecar as planned, done when the sidecar completed it.
 */
final class ConfigValidate extends SidecarExecution<ConfigValidateParams> {}
