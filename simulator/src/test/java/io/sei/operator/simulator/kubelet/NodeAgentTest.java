package io.sei.operator.simulator.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeAgentTest {
  @Test
  void aHeartbeatOnAWholeMinuteKeepsItsSeconds() {
    assertThat(NodeAgent.timestamp(Instant.parse("2026-11-22T13:46:00.250Z")))
        .isEqualTo("2026-11-22T13:46:00Z");
  }
}
