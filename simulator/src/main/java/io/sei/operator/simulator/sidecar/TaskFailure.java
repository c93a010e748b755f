package io.sei.operator.simulator.sidecar;

/** A task that ran and failed; its message is the task's {@code error}. */
public final class TaskFailure extends Exception {
  public TaskFailure(String message) {
    super(message);
  }
}
