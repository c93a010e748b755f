package io.sei.operator.task;

/** What one run of a task execution found: the task is done, or it waits for something. */
public sealed interface Progress {

  /** The task has done what it waits for. */
  record Done() implements Progress {}

  /** The task is still running; {@code why} names what it waits for. */
  record Waiting(String why) implements Progress {}

  static Progress done() {
    return new Done();
  }

  static Progress waiting(String why) {
    return new Waiting(why);
  }
}
