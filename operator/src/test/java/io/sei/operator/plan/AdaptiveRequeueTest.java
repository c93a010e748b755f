package io.sei.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveRequeueTest {
  private final AdaptiveRequeue requeue =
      new AdaptiveRequeue(Duration.ofMillis(100), Duration.ofMillis(300));

  @Test
  void theNextTaskStartsAgainAtTheMinimum() {
    requeue.next("node", "task-1");
    requeue.next("node", "task-1");

    assertThat(requeue.next("node", "task-2")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void ownersWaitIndependently() {
    requeue.next("a", "task-1");

    assertThat(requeue.next("b", "task-1")).isEqualTo(Duration.ofMillis(100));
    assertThat(requeue.next("a", "task-1")).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aForgottenOwnerStartsOver() {
    requeue.next("node", "task-1");
    requeue.forget("node");

    assertThat(requeue.next("node", "task-1")).isEqualTo(Duration.ofMillis(100));
  }
}
