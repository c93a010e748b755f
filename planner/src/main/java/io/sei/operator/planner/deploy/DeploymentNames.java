package io.sei.operator.planner.deploy;

import io.sei.operator.api.SeiNodeDeployment;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/** Names of the nodes a rollout creates. */
public final class DeploymentNames {
  private DeploymentNames() {}

  /** {@code <snd>-g<generation>-<i>} for {@code i} in {@code 0 .. replicas-1}. */
  public static List<String> entrantNodeNames(SeiNodeDeployment snd) {
    long generation = Objects.requireNonNullElse(snd.getMetadata().getGeneration(), 0L);
    int replicas = Objects.requireNonNullElse(snd.getSpec().getReplicas(), 1);
    return IntStream.range(0, replicas)
        .mapToObj(i -> snd.getMetadata().getName() + "-g" + generation + "-" + i)
        .toList();
  }
}
