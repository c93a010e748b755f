package io.sei.operator.planner.task;

/**
 * Params of {@code replace-pod}: delete the production pod so the StatefulSet recreates it from the
 * new template; waits until the new pod is Ready.
 */
public record ReplacePodParams() implements TaskParams {}
