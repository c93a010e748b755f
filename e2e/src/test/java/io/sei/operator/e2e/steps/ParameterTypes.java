package io.sei.operator.e2e.steps;

import io.cucumber.java.ParameterType;
import io.sei.operator.api.NodePhase;
import java.time.Duration;

/** The words of the features that are values: node phases and timeouts. */
public final class ParameterTypes {
  @ParameterType("Pending|Initializing|Running|Failed|Terminating")
  public NodePhase nodePhase(String phase) {
    return NodePhase.valueOf(phase);
  }

  @ParameterType("(\\d+) (second|seconds|minute|minutes)")
  public Duration duration(String amount, String unit) {
    long n = Long.parseLong(amount);
    return unit.startsWith("minute") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
  }
}
