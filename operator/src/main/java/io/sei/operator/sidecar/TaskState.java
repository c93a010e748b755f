package io.sei.operator.sidecar;

import java.util.Locale;

/** The state of a task on the sidecar ({@code status} of {@code GET /v0/tasks/{id}}). */
public enum TaskState {
  RUNNING,
  COMPLETED,
  FAILED;

  /** The wire spelling: running, completed or failed. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
