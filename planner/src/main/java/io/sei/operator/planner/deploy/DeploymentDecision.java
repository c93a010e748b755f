package io.sei.operator.planner.deploy;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.DeploymentStatus;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.planner.plan.PlanOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What {@link DeploymentPlanner#decide} asks the operator to do for one SeiNodeDeployment. */
public sealed interface DeploymentDecision {

  /** Nothing to write. */
  record NoChange(String why) implements DeploymentDecision {}

  /**
   * First sight of the group: record {@code status.templateHash = templateHash} (the operator
   * creates the initial nodes labelled with it as their revision); no plan.
   */
  record Adopt(String templateHash) implements DeploymentDecision {}

  /**
   * Start a rollout: store {@code plan} in {@code status.plan} (replacing a superseded one), set
   * {@code status.deployment}, {@code templateHash} and {@code incumbentNodes} (which change only
   * when the superseded rollout had already moved traffic to its entrants: they serve, so they are
   * the incumbents now), the phase and the {@code RolloutInProgress} condition, and emit an event
   * with {@code eventReason} ({@code RolloutStarted} or {@code RolloutSuperseded}).
   */
  record StartRollout(
      TaskPlan plan,
      String planClass,
      DeploymentStatus deployment,
      String templateHash,
      List<String> incumbentNodes,
      DeploymentPhase phase,
      Condition condition,
      String eventReason)
      implements DeploymentDecision {}

  /**
   * The stored plan is Complete or Failed: clear {@code status.plan}; set phase, {@code
   * templateHash}, {@code incumbentNodes} and {@code deployment} (kept after a failure to record
   * the failed revision and its entrants, left for inspection; cleared on success); upsert the
   * condition; record the plan metric; emit {@code RolloutComplete} / {@code RolloutFailed}.
   */
  record FinishRollout(
      TaskPlan plan,
      PlanOutcome outcome,
      String planClass,
      Duration duration,
      DeploymentPhase phase,
      String templateHash,
      List<String> incumbentNodes,
      Optional<DeploymentStatus> deployment,
      Condition condition)
      implements DeploymentDecision {}

  /** The group cannot be rolled out as specified; report it, never fix it. */
  record Invalid(String reason, String message) implements DeploymentDecision {}
}
