package io.sei.operator.render;

import static io.sei.operator.render.SidecarPods.allContainers;
import static io.sei.operator.render.SidecarPods.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sei.operator.api.SeiNode;
import io.sei.operator.testing.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proxy invariants of seed 001, one test each, for both pods that run a sidecar (the validator
 * fixture's sidecar listens on a non-default port, 7700, so the port is really plumbed).
 */
class ProxyInvariantsTest {

  static Stream<Arguments> pods() {
    return SidecarPods.of(Fixtures.validator());
  }

  private static Container proxy(PodSpec pod) {
    return container(pod, NodePod.PROXY_CONTAINER);
  }

  private static Container sidecar(PodSpec pod) {
    return container(pod, NodePod.SIDECAR_CONTAINER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void proxyIsANativeSidecar(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(pod.getInitContainers()).contains(proxy(pod));
    assertThat(proxy(pod).getRestartPolicy()).isEqualTo("Always");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void sidecarIsANativeSidecarStartedBeforeTheProxy(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(pod.getInitContainers()).containsSubsequence(sidecar(pod), proxy(pod));
    assertThat(sidecar(pod).getRestartPolicy()).isEqualTo("Always");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void proxyListensInPlaintextOn8443(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(proxy(pod).getArgs())
        .contains("--insecure-listen-address=0.0.0.0:8443")
        .noneMatch(a -> a.startsWith("--secure-listen-address") || a.startsWith("--tls-"));
    assertThat(proxy(pod).getPorts())
        .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .containsExactly(tuple("proxy", 8443));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void proxyForwardsToTheSidecarOnLoopback(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(proxy(pod).getArgs()).contains("--upstream=http://127.0.0.1:7700/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void proxyAuthorizesWithTheNodesConfigMap(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(proxy(pod).getArgs()).contains("--config-file=/etc/kube-rbac-proxy/config.yaml");
    VolumeMount mount = proxy(pod).getVolumeMounts().get(0);
    assertThat(mount.getMountPath()).isEqualTo("/etc/kube-rbac-proxy");
    Volume volume =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(volume.getConfigMap().getName()).isEqualTo("val-0-rbac-proxy-config");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void proxyLetsExactlyTheFourProbeAndMetricsPathsThrough(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(proxy(pod).getArgs().stream().filter(a -> a.startsWith("--ignore-paths=")))
        .containsExactly("--ignore-paths=/v0/healthz,/v0/startupz,/v0/livez,/v0/metrics");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void proxyForwardsTheAuthenticatedUserAndGroups(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(proxy(pod).getArgs())
        .contains(
            "--auth-header-fields-enabled=true",
            "--auth-header-user-field-name=X-Remote-User",
            "--auth-header-groups-field-name=X-Remote-Groups");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void proxyProbesGatePodReadinessThroughTheSidecar(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(proxy(pod).getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v0/healthz");
    assertThat(proxy(pod).getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8443);
    assertThat(proxy(pod).getLivenessProbe().getHttpGet().getPath()).isEqualTo("/v0/livez");
    assertThat(proxy(pod).getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8443);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void sidecarTrustsTheProxysHeaders(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(sidecar(pod).getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .contains(tuple("SEI_SIDECAR_AUTHN_MODE", "trusted-header"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void sidecarBindsLoopbackOnly(PodRole role, SeiNode node, PodSpec pod) {
    // In trusted-header mode the sidecar binds 127.0.0.1:<SEI_SIDECAR_PORT> only.
    assertThat(sidecar(pod).getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .contains(
            tuple("SEI_SIDECAR_AUTHN_MODE", "trusted-header"), tuple("SEI_SIDECAR_PORT", "7700"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void noContainerPublishesTheSidecarPort(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(sidecar(pod).getPorts()).isEmpty();
    assertThat(allContainers(pod).flatMap(c -> c.getPorts().stream()))
        .extracting(ContainerPort::getContainerPort)
        .isNotEmpty()
        .doesNotContain(7700);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void sidecarHasNoProbesOfItsOwn(PodRole role, SeiNode node, PodSpec pod) {
    Container sidecar = sidecar(pod);
    assertThat(
            Stream.of(
                sidecar.getReadinessProbe(), sidecar.getLivenessProbe(), sidecar.getStartupProbe()))
        .containsOnlyNulls();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void servicePublishesTheProxyAndNeverTheSidecarPort(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(NodeService.render(node, role).getSpec().getPorts())
        .extracting(p -> p.getPort())
        .contains(8443)
        .doesNotContain(7700);
  }
}
