package io.sei.operator.render;

import static io.sei.operator.testing.Fixtures.BOOTSTRAP_IMAGE;
import static io.sei.operator.testing.Fixtures.SEID_IMAGE;
import static io.sei.operator.testing.Fixtures.config;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.sei.operator.api.SeiNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The two pods of a node that run a sidecar, for tests that hold for both. */
final class SidecarPods {
  private SidecarPods() {}

  static PodTemplateSpec production(SeiNode node) {
    return NodeStatefulSet.render(node, config(), SEID_IMAGE).getSpec().getTemplate();
  }

  static PodTemplateSpec bootstrap(SeiNode node) {
    return BootstrapJob.render(node, config(), BOOTSTRAP_IMAGE, 99).getSpec().getTemplate();
  }

  /** (role, node, pod spec) for the production and the bootstrap pod of {@code node}. */
  static Stream<Arguments> of(SeiNode node) {
    return Stream.of(
        Arguments.of(PodRole.PRODUCTION, node, production(node).getSpec()),
        Arguments.of(PodRole.BOOTSTRAP, node, bootstrap(node).getSpec()));
  }

  static Container container(PodSpec pod, String name) {
    return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  static Stream<Container> allContainers(PodSpec pod) {
    return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream());
  }
}
