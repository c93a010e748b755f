package io.sei.operator.planner.task;

/**
 * Sidecar params of {@code mark-ready} (wire: {@code {}}): the sidecar reports healthy and lets
 * seid start.
 */
public record MarkReadyParams() implements TaskParams {}
