package io.sei.operator.planner.plan;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.planner.drift.NodeDrift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The conditions a node plan leaves: {@code NodeUpdateInProgress} of node-update plans and {@code
 * Initialized} of init and bootstrap plans.
 */
public final class NodeConditions {
  private NodeConditions() {}

  /** The reason naming which drift a node-update plan handles. */
  public static String updateStartedReason(NodeDrift drift) {
    if (drift.image() && drift.signingKey()) {
      return Conditions.REASON_UPDATE_AND_SIGNING_KEY_UPDATE_STARTED;
    }
    return drift.signingKey()
        ? Conditions.REASON_SIGNING_KEY_UPDATE_STARTED
        : Conditions.REASON_UPDATE_STARTED;
  }

  /**
   * The message naming the drift, e.g. {@code image sei:v1 -> sei:v2; signing key Secret val-key}.
   */
  public static String updateStartedMessage(
      NodeDrift drift, String fromImage, String toImage, String signingKeySecret) {
    List<String> parts = new ArrayList<>();
    if (drift.image()) {
      parts.add("image " + Objects.requireNonNullElse(fromImage, "<none>") + " -> " + toImage);
    }
    if (drift.signingKey()) {
      parts.add("signing key Secret " + signingKeySecret);
    }
    return String.join("; ", parts);
  }

  /** {@code NodeUpdateInProgress=True} for a node-update plan that starts now. */
  public static Condition updateStarted(
      String reason, String message, Long generation, Instant now) {
    return condition(Conditions.TRUE, reason, message, generation, now);
  }

  /** {@code NodeUpdateInProgress=False/UpdateComplete}. */
  public static Condition updateComplete(TaskPlan plan, Long generation, Instant now) {
    return condition(
        Conditions.FALSE,
        Conditions.REASON_UPDATE_COMPLETE,
        PlanClassifier.classify(plan) + " plan " + plan.getId() + " complete",
        generation,
        now);
  }

  /** {@code NodeUpdateInProgress=False/UpdateFailed}; the message names the task and error. */
  public static Condition updateFailed(TaskPlan plan, Long generation, Instant now) {
    return condition(
        Conditions.FALSE, Conditions.REASON_UPDATE_FAILED, failureMessage(plan), generation, now);
  }

  /**
   * {@code Initialized=True/InitComplete} or {@code False/InitFailed} with the failure message, as
   * an init or bootstrap plan ends.
   */
  public static Condition initialized(
      TaskPlan plan, boolean complete, Long generation, Instant now) {
    return StatusConditions.of(
        Conditions.INITIALIZED,
        complete ? Conditions.TRUE : Conditions.FALSE,
        complete ? Conditions.REASON_INIT_COMPLETE : Conditions.REASON_INIT_FAILED,
        complete
            ? PlanClassifier.classify(plan) + " plan " + plan.getId() + " complete"
            : failureMessage(plan),
        generation,
        now);
  }

  /** {@code task <type> (#<index>) failed: <error>}, from the plan's failure fields. */
  public static String failureMessage(TaskPlan plan) {
    Integer index = plan.getFailedTaskIndex();
    List<PlannedTask> tasks = plan.getTasks() == null ? List.of() : plan.getTasks();
    Optional<PlannedTask> failed =
        index != null && index >= 0 && index < tasks.size()
            ? Optional.of(tasks.get(index))
            : tasks.stream().filter(t -> t.getError() != null).findFirst();
    String task =
        failed.map(t -> "task " + t.getType() + " (#" + tasks.indexOf(t) + ")").orElse("a task");
    String error =
        Optional.ofNullable(plan.getFailedTaskDetail())
            .or(() -> failed.map(PlannedTask::getError))
            .orElse("no error recorded");
    return task + " failed: " + error;
  }

  private static Condition condition(
      String status, String reason, String message, Long generation, Instant now) {
    return StatusConditions.of(
        Conditions.NODE_UPDATE_IN_PROGRESS, status, reason, message, generation, now);
  }
}
