package io.sei.operator.planner.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  @ParameterizedTest
  @CsvSource({"CONFIGURE_GENESIS, 180", "REPLACE_POD, 3", "CONFIG_APPLY, 0"})
  void defaultBudgetsFollowTheSpec(TaskType type, int budget) {
    assertThat(RetryPolicy.defaults().maxRetries(type)).isEqualTo(budget);
  }

  @ParameterizedTest
  @CsvSource({"1, 10", "2, 20", "3, 30", "4, 30", "50, 30"})
  void defaultBackoffIsTenTwentyThenThirtySeconds(int retry, long seconds) {
    assertThat(RetryPolicy.defaults().backoff(retry)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void testsCanShortenTheBackoff() {
    RetryPolicy fast = RetryPolicy.defaults().withBackoff(Duration.ofMillis(5));
    assertThat(fast.backoff(7)).isEqualTo(Duration.ofMillis(5));
    assertThat(fast.maxRetries(TaskType.CONFIGURE_GENESIS)).isEqualTo(180);
  }

  @Test
  void testsCanOverrideOneBudget() {
    RetryPolicy policy = RetryPolicy.defaults().withMaxRetries(TaskType.CONFIGURE_GENESIS, 2);
    assertThat(policy.maxRetries(TaskType.CONFIGURE_GENESIS)).isEqualTo(2);
    assertThat(policy.maxRetries(TaskType.REPLACE_POD)).isEqualTo(3);
  }

  @Test
  void testsCanShortenTheFailedUpdateCooldown() {
    assertThat(
            RetryPolicy.defaults()
                .withFailedUpdateCooldown(Duration.ofMillis(1))
                .failedUpdateCooldown())
        .isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void nextAttemptIsTheFailureTimePlusTheBackoff() {
    Instant failed = Instant.parse("2025-01-01T00:00:00Z");
    assertThat(RetryPolicy.defaults().nextAttemptAt(failed, 2))
        .isEqualTo(Instant.parse("2025-01-01T00:00:20Z"));
  }

  @Test
  void retryNumbersStartAtOne() {
    assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backoffNeedsAStep() {
    assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cooldownCannotBeNegative() {
    assertThatThrownBy(
            () -> RetryPolicy.defaults().withFailedUpdateCooldown(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
