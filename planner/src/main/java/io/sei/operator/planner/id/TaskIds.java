package io.sei.operator.planner.id;

import java.util.UUID;

/**
 * Deterministic task ids: {@code UUIDv5(NAMESPACE, planId + "/" + type + "/" + index)}.
 *
 * <p>The same plan id, task type and position always give the same id, so a task re-submitted after
 * an operator restart is recognised by the sidecar (its task API is idempotent on id).
 */
public final class TaskIds {
  private TaskIds() {}

  /** Fixed namespace of every sei-operator task id. Never change it: ids are persisted. */
  public static final UUID NAMESPACE = UUID.fromString("6f2a3c1e-5b7d-4e8a-9c0f-1d2e3f4a5b6c");

  /**
   * The id of the task of wire type {@code type} at position {@code index} of plan {@code planId}.
   */
  public static String taskId(String planId, String type, int index) {
    return Uuid5.of(NAMESPACE, planId + "/" + type + "/" + index).toString();
  }
}
