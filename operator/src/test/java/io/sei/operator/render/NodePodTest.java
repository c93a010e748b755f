package io.sei.operator.render;

import static io.sei.operator.render.SidecarPods.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.testing.Fixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The pod shape both the StatefulSet and the bootstrap Job share. */
class NodePodTest {

  static Stream<Arguments> pods() {
    return SidecarPods.of(Fixtures.fullNode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void seidAndSidecarShareTheDataVolumeAtSei(PodRole role, SeiNode node, PodSpec pod) {
    for (String name : new String[] {NodePod.SEID_CONTAINER, NodePod.SIDECAR_CONTAINER}) {
      assertThat(container(pod, name).getVolumeMounts())
          .extracting(VolumeMount::getName, VolumeMount::getMountPath)
          .contains(tuple("data", "/sei"));
    }
    assertThat(volume(pod, "data").getPersistentVolumeClaim().getClaimName())
        .isEqualTo("rpc-0-data");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void seidAndSidecarReportTheirLastLogLinesWhenTheyFail(PodRole role, SeiNode node, PodSpec pod) {
    for (String name : new String[] {NodePod.SEID_CONTAINER, NodePod.SIDECAR_CONTAINER}) {
      assertThat(SidecarPods.container(pod, name).getTerminationMessagePolicy())
          .isEqualTo("FallbackToLogsOnError");
    }
  }

  @ParameterizedTest
  @EnumSource(PodRole.class)
  void theSidecarAndItsProxyUseANonDefaultPort(PodRole role) {
    SeiNode node = Fixtures.fullNode();
    node.getSpec().setSidecar(new io.sei.operator.api.SidecarSpec().withPort(7800));
    PodSpec pod = template(node, role).getSpec();

    assertThat(SidecarPods.container(pod, NodePod.SIDECAR_CONTAINER).getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .contains(tuple(NodePod.PORT_ENV, "7800"));
    assertThat(SidecarPods.container(pod, NodePod.PROXY_CONTAINER).getArgs())
        .contains("--upstream=http://127.0.0.1:7800/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void theSidecarRunsSeictlServeWithEveryVariableItRequires(
      PodRole role, SeiNode node, PodSpec pod) {
    Container sidecar = SidecarPods.container(pod, NodePod.SIDECAR_CONTAINER);
    assertThat(sidecar.getCommand()).containsExactly("seictl");
    assertThat(sidecar.getArgs()).containsExactly("serve");
    assertThat(sidecar.getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(
            tuple("SEI_HOME", "/sei"),
            tuple("SEI_SIDECAR_PORT", "7777"),
            tuple("SEI_SIDECAR_AUTHN_MODE", "trusted-header"),
            tuple("SEI_CHAIN_ID", node.getSpec().getChainId()),
            tuple("SEI_GENESIS_BUCKET", "sei-genesis"),
            tuple("SEI_GENESIS_REGION", "us-east-2"),
            tuple("SEI_SNAPSHOT_BUCKET", "sei-snapshots"),
            tuple("SEI_SNAPSHOT_REGION", "us-east-2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void seidStartsOnlyAfterTheProxysStartupProbeSawTheSidecarReady(
      PodRole role, SeiNode node, PodSpec pod) {
    // The main container starts after every native sidecar started; the proxy is the last one.
    assertThat(pod.getInitContainers())
        .extracting(Container::getName, Container::getRestartPolicy)
        .containsExactly(
            tuple(NodePod.SIDECAR_CONTAINER, "Always"), tuple(NodePod.PROXY_CONTAINER, "Always"));
    Probe startup = SidecarPods.container(pod, NodePod.PROXY_CONTAINER).getStartupProbe();
    assertThat(startup.getHttpGet().getPath()).isEqualTo("/v0/startupz");
    assertThat(startup.getHttpGet().getPort().getIntVal()).isEqualTo(8443);
    assertThat(startup.getPeriodSeconds()).isEqualTo(1);
    assertThat((long) startup.getPeriodSeconds() * startup.getFailureThreshold())
        .as("seconds the proxy waits for mark-ready before the kubelet restarts it")
        .isGreaterThanOrEqualTo(7 * 24 * 3600L);
    assertThat(SidecarPods.container(pod, NodePod.SEID_CONTAINER).getEnv()).isNullOrEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void podIsLabelledWithNodeRoleManagerAndTheSpecsPodLabels(
      PodRole role, SeiNode node, PodSpec pod) {
    assertThat(template(node, role).getMetadata().getLabels())
        .containsOnly(
            entry(Labels.NODE, "rpc-0"),
            entry(Labels.ROLE, role.label()),
            entry(Labels.MANAGED_BY, "sei-operator"),
            entry("team", "rpc"),
            entry("tier", "public"));
  }

  @ParameterizedTest
  @EnumSource(PodRole.class)
  void podLabelsOfTheSpecCannotOverrideTheOperatorsLabels(PodRole role) {
    SeiNode node = Fixtures.fullNode();
    node.getSpec().setPodLabels(Map.of(Labels.ROLE, "other", Labels.NODE, "other"));
    assertThat(template(node, role).getMetadata().getLabels())
        .containsAllEntriesOf(NodePod.selector(node, role));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void withoutAnS3EndpointTheSidecarUsesAwsS3(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(container(pod, NodePod.SIDECAR_CONTAINER).getEnv())
        .extracting(EnvVar::getName)
        .doesNotContain("AWS_ENDPOINT_URL_S3");
  }

  @Test
  void anS3EndpointReachesTheSidecarAsTheAwsSdkOverride() {
    PlatformConfig config = Fixtures.config(Map.of("SEI_S3_ENDPOINT", "http://minio.storage:9000"));
    PodSpec pod =
        NodeStatefulSet.render(Fixtures.fullNode(), config, Fixtures.SEID_IMAGE)
            .getSpec()
            .getTemplate()
            .getSpec();
    assertThat(container(pod, NodePod.SIDECAR_CONTAINER).getEnv())
        .contains(new EnvVar("AWS_ENDPOINT_URL_S3", "http://minio.storage:9000", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void sidecarRunsTheDefaultImageAndResourcesWhenTheSpecNamesNone(
      PodRole role, SeiNode node, PodSpec pod) {
    var sidecar = container(pod, NodePod.SIDECAR_CONTAINER);
    assertThat(sidecar.getImage()).isEqualTo("ghcr.io/sei-protocol/seictl:latest");
    assertThat(sidecar.getCommand()).containsExactly("seictl");
    assertThat(sidecar.getArgs()).containsExactly("serve");
    assertThat(sidecar.getResources()).isEqualTo(Fixtures.config().sidecarResources());
  }

  @Test
  void sidecarRunsTheImageAndResourcesOfTheSpec() {
    var sidecar =
        container(
            SidecarPods.production(Fixtures.validator()).getSpec(), NodePod.SIDECAR_CONTAINER);
    assertThat(sidecar.getImage()).isEqualTo("ghcr.io/sei-protocol/seictl:v1.2.0");
    assertThat(sidecar.getResources().getRequests())
        .containsOnly(entry("cpu", new Quantity("250m")));
  }

  @Test
  void anImportedVolumeIsMountedByBothPods() {
    SidecarPods.of(Fixtures.importedVolume())
        .map(a -> (PodSpec) a.get()[2])
        .forEach(
            pod ->
                assertThat(volume(pod, "data").getPersistentVolumeClaim().getClaimName())
                    .isEqualTo("rpc-0-legacy"));
  }

  private static PodTemplateSpec template(SeiNode node, PodRole role) {
    return role == PodRole.PRODUCTION ? SidecarPods.production(node) : SidecarPods.bootstrap(node);
  }

  static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
