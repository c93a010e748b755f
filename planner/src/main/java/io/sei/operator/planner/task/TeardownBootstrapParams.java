package io.sei.operator.planner.task;

/**
 * Params of {@code teardown-bootstrap}: delete the bootstrap Job and Service; the data PVC
 * survives.
 */
public record TeardownBootstrapParams() implements TaskParams {}
