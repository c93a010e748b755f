package io.sei.operator.planner.task;

/**
 * Params of {@code await-bootstrap-complete}: waits until the bootstrap Job succeeded (seid halted
 * at the height); a failed Job fails the plan.
 */
public record AwaitBootstrapCompleteParams() implements TaskParams {}
