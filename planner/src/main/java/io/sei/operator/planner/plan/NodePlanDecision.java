package io.sei.operator.planner.plan;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.TaskPlan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link NodePlanner#decide} asks the operator to do for one SeiNode. The operator applies it
 * in memory and ends the reconcile with at most one status patch.
 */
public sealed interface NodePlanDecision {

  /**
   * Nothing to write. {@code requeueAfter} is set when the planner is waiting for time to pass (the
   * cooldown after a failed node-update plan).
   */
  record NoChange(String why, Optional<Duration> requeueAfter) implements NodePlanDecision {
    static NoChange because(String why) {
      return new NoChange(why, Optional.empty());
    }
  }

  /**
   * Store {@code plan} in {@code status.plan}, set {@code status.phase = phase} and upsert {@code
   * conditions} (see {@link StatusConditions#upsert}); emit a plan-started event.
   *
   * @param planClass {@link PlanClassifier} label of the plan
   */
  record StartPlan(TaskPlan plan, String planClass, NodePhase phase, List<Condition> conditions)
      implements NodePlanDecision {}

  /**
   * The stored plan is Complete or Failed: clear {@code status.plan}, set the phase when present,
   * upsert the conditions, stamp the observed fields when present (init and bootstrap plans record
   * what their StatefulSet runs), record the plan-duration metric with {@code planClass} and {@code
   * outcome}, and emit a plan-finished event.
   */
  record FinishPlan(
      TaskPlan plan,
      PlanOutcome outcome,
      String planClass,
      Duration duration,
      Optional<NodePhase> phase,
      List<Condition> conditions,
      Optional<String> currentImage,
      Optional<String> signingKeyMountedSecret)
      implements NodePlanDecision {}

  /**
   * The spec cannot be planned. The operator reports it (e.g. condition {@code SpecValid=False}
   * with this reason, and a warning event) and does not start a plan; it never edits the spec.
   *
   * @param reason CamelCase reason, usable as a condition reason
   */
  record Invalid(String reason, String message) implements NodePlanDecision {}
}
