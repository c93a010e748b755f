package io.sei.operator.planner.task;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Retry budgets and backoff, as data. A task that fails with a plain (transient) error is retried
 * after {@link #backoff(int)} while {@code retryCount < maxRetries(type)}; otherwise the plan
 * fails. Defaults: {@code configure-genesis} 180, {@code replace-pod} 3, others 0; backoff 10 s, 20
 * s, then 30 s for every further retry. Tests shorten the backoff with {@link
 * #withBackoff(Duration...)}.
 *
 * <p>A failed node-update plan leaves the node Running; the planner starts the next attempt no
 * sooner than {@code failedUpdateCooldown} (default 30 s) after the failure, so a missing Secret
 * does not spin plans.
 *
 * @param maxRetries retry budget per task type; every type is present
 * @param backoffSteps wait before retry 1, 2, …; the last step repeats
 * @param failedUpdateCooldown wait between a failed node-update plan and the next one
 */
public record RetryPolicy(
    Map<TaskType, Integer> maxRetries, List<Duration> backoffSteps, Duration failedUpdateCooldown) {

  public RetryPolicy {
    EnumMap<TaskType, Integer> budgets = new EnumMap<>(TaskType.class);
    for (TaskType type : TaskType.values()) {
      budgets.put(type, type.defaultMaxRetries());
    }
    budgets.putAll(maxRetries);
    maxRetries = Map.copyOf(budgets);
    if (backoffSteps.isEmpty()) {
      throw new IllegalArgumentException("backoff needs at least one step");
    }
    backoffSteps = List.copyOf(backoffSteps);
    if (failedUpdateCooldown.isNegative()) {
      throw new IllegalArgumentException("failedUpdateCooldown must not be negative");
    }
  }

  /** The production policy of SPEC §5.2. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        Map.of(),
        List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30)),
        Duration.ofSeconds(30));
  }

  /** Retries allowed for {@code type}. */
  public int maxRetries(TaskType type) {
    return maxRetries.get(type);
  }

  /** The wait before retry number {@code retry} (1 = first retry). */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1, got " + retry);
    }
    return backoffSteps.get(Math.min(retry, backoffSteps.size()) - 1);
  }

  /** When retry number {@code retry} of a task that failed at {@code failedAt} may run. */
  public Instant nextAttemptAt(Instant failedAt, int retry) {
    return failedAt.plus(backoff(retry));
  }

  /** This policy with {@code type}'s budget replaced. */
  public RetryPolicy withMaxRetries(TaskType type, int retries) {
    EnumMap<TaskType, Integer> budgets = new EnumMap<>(maxRetries);
    budgets.put(type, retries);
    return new RetryPolicy(budgets, backoffSteps, failedUpdateCooldown);
  }

  /** This policy with another cooldown after a failed node-update plan. */
  public RetryPolicy withFailedUpdateCooldown(Duration cooldown) {
    return new RetryPolicy(maxRetries, backoffSteps, cooldown);
  }

  /** This policy with other backoff steps, e.g. milliseconds in tests. */
  public RetryPolicy withBackoff(Duration... steps) {
    return new RetryPolicy(maxRetries, List.of(steps), failedUpdateCooldown);
  }
}
