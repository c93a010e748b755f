package io.sei.operator.planner.task;

/** Sidecar params of {@code config-validate} (wire: {@code {}}): check the written config. */
public record ConfigValidateParams() implements TaskParams {}
