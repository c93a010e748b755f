package io.sei.operator.planner.plan;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.planner.drift.NodeDrift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code NodeUpdateInProgress} condition and a pure condition-list upsert. */
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

  /**
   * {@code current} with {@code update} replacing the condition of the same type. The transition
   * time of the existing condition is kept when its status does not change, so an unchanged
   * condition produces an unchanged status (no write).
   */
  public static List<Condition> upsert(List<Condition> current, Condition update) {
    List<Condition> result = new ArrayList<>();
    boolean replaced = false;
    for (Condition existing : current == null ? List.<Condition>of() : current) {
      if (existing.getType().equals(update.getType())) {
        result.add(
            Objects.equals(existing.getStatus(), update.getStatus())
                ? new ConditionBuilder(update)
                    .withLastTransitionTime(existing.getLastTransitionTime())
                    .build()
                : update);
        replaced = true;
      } else {
        result.add(existing);
      }
    }
    if (!replaced) {
      result.add(update);
    }
    return result;
  }

  /** The condition of {@code type} in {@code conditions}, if any. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static Condition condition(
      String status, String reason, String message, Long generation, Instant now) {
    return new ConditionBuilder()
        .withType(Conditions.NODE_UPDATE_IN_PROGRESS)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(Timestamps.format(now))
        .build();
  }
}
