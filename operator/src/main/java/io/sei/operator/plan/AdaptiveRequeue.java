package io.sei.operator.plan;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How soon to look at a running task again: {@code min} the first time, doubling up to {@code max}
 * while the same task keeps running, back to {@code min} for the next task. Fast tasks finish in a
 * few short polls; slow ones cost at most one poll per {@code max}.
 */
public final class AdaptiveRequeue {
  private record Wait(String taskId, Duration delay) {}

  private final Duration min;
  private final Duration max;
  private final Map<String, Wait> byOwner = new ConcurrentHashMap<>();

  public AdaptiveRequeue(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  /** The delay before {@code owner}'s next look at its running task {@code taskId}. */
  public Duration next(String owner, String taskId) {
    Wait wait =
        byOwner.compute(
            owner,
            (key, previous) ->
                previous == null || !previous.taskId().equals(taskId)
                    ? new Wait(taskId, min)
                    : new Wait(taskId, min(previous.delay().multipliedBy(2), max)));
    return wait.delay();
  }

  /** Forgets {@code owner}'s wait (its plan ended or it is gone). */
  public void forget(String owner) {
    byOwner.remove(owner);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
