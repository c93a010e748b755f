package io.sei.operator.task;

/**
 * A task failure that retrying cannot fix (e.g. a malformed signing key, a bootstrap Job that
 * failed): the executor fails the plan at once, whatever the task's retry budget. Any other
 * exception a task throws is transient.
 */
public final class TerminalTaskException extends RuntimeException {
  public TerminalTaskException(String message) {
    super(message);
  }
}
