package io.sei.operator.e2e.steps;

import io.cucumber.java.ParameterType;
import io.sei.operator.api.NodePhase;
import java.time.Duration;
import java.util.List;

/** The words of the features that are values: node phases, timeouts and lists of task types. */
public final class ParameterTypes {
  @ParameterType("Pending|Initializing|Running|Failed|Terminating")
  public NodePhase nodePhase(String phase) {
    return NodePhase.valueOf(phase);
  }

  /** A comma-separated list of task types, e.g. {@code switch-traffic, teardown-nodes}. */
  @ParameterType("[a-z-]+(?:, [a-z-]+)*")
  public List<String> taskList(String tasks) {
    return List.of(tasks.split(", "));
  }

  @ParameterType("(\\d+) (second|seconds|minute|minutes)")
  public Duration duration(String amount, String unit) {
    long n = Long.parseLong(amount);
    return unit.startsWith("minute") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
  }
}
