package io.sei.operator.bench;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.Pod;
import io.sei.operator.api.Labels;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a benchmark that did not finish reports about where it stopped. */
final class Diagnosis {
  private Diagnosis() {}

  /**
   * Each SeiNode that is not Running: its plan progress and what the API server shows of its pods'
   * containers (state as the simulated kubelet last wrote it).
   */
  static Map<String, String> notRunning(LocalCluster ns) {
    Map<String, List<Pod>> pods =
        ns.client().pods().inNamespace(ns.namespace()).list().getItems().stream()
            .filter(p -> p.getMetadata().getLabels() != null)
            .filter(p -> p.getMetadata().getLabels().containsKey(Labels.NODE))
            .collect(Collectors.groupingBy(p -> p.getMetadata().getLabels().get(Labels.NODE)));
    Map<String, String> stuck = new TreeMap<>();
    for (SeiNode node :
        ns.client().resources(SeiNode.class).inNamespace(ns.namespace()).list().getItems()) {
      if (node.getStatus() != null && node.getStatus().getPhase() == NodePhase.Running) {
        continue;
      }
      String name = node.getMetadata().getName();
      String described =
          pods.getOrDefault(name, List.of()).stream()
              .map(Diagnosis::describe)
              .collect(Collectors.joining("; "));
      stuck.put(
          name,
          (node.getStatus() == null ? "no status" : node.getStatus().getPlanProgress())
              + "; pods: "
              + (described.isEmpty() ? "none" : described));
    }
    return stuck;
  }

  private static String describe(Pod pod) {
    return pod.getMetadata().getName()
        + " "
        + pod.getStatus().getPhase()
        + " "
        + Stream.concat(
                pod.getStatus().getInitContainerStatuses().stream(),
                pod.getStatus().getContainerStatuses().stream())
            .map(c -> c.getName() + "=" + state(c.getState()))
            .collect(Collectors.joining(","));
  }

  private static String state(ContainerState state) {
    if (state == null) {
      return "?";
    } else if (state.getRunning() != null) {
      return "running";
    } else if (state.getWaiting() != null) {
      return "waiting:" + state.getWaiting().getReason();
    }
    return "terminated:" + state.getTerminated().getReason();
  }
}
