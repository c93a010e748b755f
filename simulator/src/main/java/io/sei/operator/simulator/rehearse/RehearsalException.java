package io.sei.operator.simulator.rehearse;

/** Why a rehearsal stopped before its expectations could be checked normally. */
final class RehearsalException extends Exception {
  enum Kind {
    /** Bad input found only once the environment ran (e.g. the chain already past the height). */
    BAD_INPUT,
    /** The scenario did not reach its goal: checked as an expectation not met. */
    NOT_MET,
    /** Stopped by SIGINT/SIGTERM. */
    INTERRUPTED
  }

  private final Kind kind;

  RehearsalException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
