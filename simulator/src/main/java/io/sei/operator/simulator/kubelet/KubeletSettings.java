package io.sei.operator.simulator.kubelet;

import java.time.Duration;

/**
 * Timings of the simulated kubelet. Probe periods and delays are honoured up to {@code probeCap}
 * and crash-loop back-off grows from {@code backoffBase} to {@code backoffMax}: shorter than a real
 * kubelet's (10 s to 5 min) so rehearsals and tests don't wait for nothing.
 */
public record KubeletSettings(
    String nodeName,
    Duration probeCap,
    Duration backoffBase,
    Duration backoffMax,
    Duration maxGracePeriod,
    int podsCapacity) {

  public static KubeletSettings defaults() {
    return new KubeletSettings(
        "sim-node",
        Duration.ofSeconds(1),
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        Duration.ofSeconds(30),
        500);
  }
}
