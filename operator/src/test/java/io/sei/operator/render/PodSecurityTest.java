package io.sei.operator.render;

import static io.sei.operator.render.SidecarPods.allContainers;
import static io.sei.operator.render.SidecarPods.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.sei.operator.api.SeiNode;
import io.sei.operator.testing.Fixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Node pods' identity and hardening, for both pods (the {@code restricted} Pod Security Standard
 * itself is enforced by the real API server in NodeSecurityIT).
 */
class PodSecurityTest {

  static Stream<Arguments> pods() {
    return SidecarPods.of(Fixtures.validator());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void thePodRunsAsTheNodeServiceAccountWithoutAnAutomountedToken(
      PodRole role, SeiNode node, PodSpec pod) {
    assertThat(pod.getServiceAccountName()).isEqualTo("sei-node");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void onlyTheProxyMountsTheProjectedShortLivedToken(PodRole role, SeiNode node, PodSpec pod) {
    Volume token =
        pod.getVolumes().stream()
            .filter(v -> v.getProjected() != null)
            .filter(
                v ->
                    v.getProjected().getSources().stream()
                        .anyMatch(s -> s.getServiceAccountToken() != null))
            .findFirst()
            .orElseThrow();
    assertThat(
            token.getProjected().getSources().stream()
                .filter(s -> s.getServiceAccountToken() != null)
                .findFirst()
                .orElseThrow()
                .getServiceAccountToken()
                .getExpirationSeconds())
        .isEqualTo(3600L);
    assertThat(allContainers(pod))
        .filteredOn(
            c -> c.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(token.getName())))
        .extracting(Container::getName)
        .containsExactly(NodePod.PROXY_CONTAINER);
    assertThat(container(pod, NodePod.PROXY_CONTAINER).getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo(token.getName());
              assertThat(m.getMountPath()).isEqualTo(NodePod.SERVICE_ACCOUNT_DIR);
              assertThat(m.getReadOnly()).isTrue();
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void thePodRunsNonRootUnderRuntimeDefaultSeccomp(PodRole role, SeiNode node, PodSpec pod) {
    var security = pod.getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getRunAsUser()).isEqualTo(65532L);
    assertThat(security.getFsGroup()).isEqualTo(65532L);
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void everyContainerDropsAllCapabilitiesAndCannotEscalate(
      PodRole role, SeiNode node, PodSpec pod) {
    assertThat(allContainers(pod))
        .allSatisfy(
            c -> {
              assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
              assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
              assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void theSidecarAndTheProxyHaveReadOnlyRootFileSystems(PodRole role, SeiNode node, PodSpec pod) {
    Map<String, Boolean> readOnly =
        Map.of(
            NodePod.SIDECAR_CONTAINER, true,
            NodePod.PROXY_CONTAINER, true,
            NodePod.SEID_CONTAINER, false);
    assertThat(allContainers(pod))
        .allSatisfy(
            c ->
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem())
                    .as(c.getName())
                    .isEqualTo(readOnly.get(c.getName())));
    assertThat(container(pod, NodePod.SIDECAR_CONTAINER).getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
  }
}
