package io.sei.operator.planner.task;

/**
 * Params of {@code ensure-data-pvc}: create the node's data PVC, or adopt {@code importPvcName}
 * (never owned, never deleted) when set.
 */
public record EnsureDataPvcParams(String importPvcName) implements TaskParams {}
