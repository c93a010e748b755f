package io.sei.operator.planner.task;

/** Params of {@code apply-service}: server-side apply the node's Service (publishes 8443). */
public record ApplyServiceParams() implements TaskParams {}
