package io.sei.operator.api;

/** Phase of a plan. */
public enum PlanPhase {
  Active,
  Complete,
  Failed;
}
