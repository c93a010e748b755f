package io.sei.operator.api;

/** Status of one planned task. */
public enum TaskStatus {
  Pending,
  Running,
  Complete,
  Failed;
}
