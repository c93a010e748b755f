package io.sei.operator.planner.task;

/**
 * A planned task the catalog cannot decode. The executor treats it as <b>terminal</b>: retrying
 * cannot fix a stored plan, so the plan fails with this message.
 */
public final class InvalidTaskException extends Exception {

  /** What is wrong with the task. */
  public enum Kind {
    /** {@code PlannedTask.type} names no task of the catalog. */
    UNKNOWN_TYPE,
    /** {@code PlannedTask.params} does not decode to the type's params record. */
    MALFORMED_PARAMS,
    /** The params are well-formed but cannot be carried out against the current spec. */
    UNSATISFIABLE
  }

  private final Kind kind;
  private final String taskType;

  InvalidTaskException(Kind kind, String taskType, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.taskType = taskType;
  }

  /** A well-formed task of {@code taskType} that the current spec cannot satisfy. */
  public static InvalidTaskException unsatisfiable(String taskType, String message) {
    return new InvalidTaskException(Kind.UNSATISFIABLE, taskType, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The type as stored in the plan (possibly not a catalog name). */
  public String taskType() {
    return taskType;
  }

  /** Always true: the executor fails the plan instead of retrying. */
  public boolean isTerminal() {
    return true;
  }
}
