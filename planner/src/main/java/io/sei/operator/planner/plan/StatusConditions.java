package io.sei.operator.planner.plan;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Building conditions and merging them into a status's condition list, purely. */
public final class StatusConditions {
  private StatusConditions() {}

  /** A condition stamped with {@code now} as its transition time. */
  public static Condition of(
      String type, String status, String reason, String message, Long generation, Instant now) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(Timestamps.format(now))
        .build();
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
}
