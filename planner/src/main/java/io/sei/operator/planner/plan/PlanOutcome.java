package io.sei.operator.planner.plan;

import io.sei.operator.api.PlanPhase;

/** How a plan ended; the {@code outcome} label of the plan-duration metric. */
public enum PlanOutcome {
  COMPLETE("complete"),
  FAILED("failed");

  private final String label;

  PlanOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The outcome of a terminal plan phase. */
  public static PlanOutcome of(PlanPhase phase) {
    return phase == PlanPhase.Complete ? COMPLETE : FAILED;
  }

  /** True for Complete and Failed: the plan is over and must be cleared. */
  public static boolean isTerminal(PlanPhase phase) {
    return phase == PlanPhase.Complete || phase == PlanPhase.Failed;
  }
}
