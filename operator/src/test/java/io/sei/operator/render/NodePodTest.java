package io.sei.operator.render;

import static io.sei.operator.render.SidecarPods.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
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
  void seidIsToldWhereItsSidecarAnswersOnANonDefaultPort(PodRole role) {
    SeiNode node = Fixtures.fullNode();
    node.getSpec().setSidecar(new io.sei.operator.api.SidecarSpec().withPort(7800));
    PodSpec pod = template(node, role).getSpec();

    assertThat(SidecarPods.container(pod, NodePod.SEID_CONTAINER).getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .contains(tuple(NodePod.SIDECAR_URL_ENV, "http://127.0.0.1:7800"));
    assertThat(SidecarPods.container(pod, NodePod.PROXY_CONTAINER).getArgs())
        .contains("--upstream=http://127.0.0.1:7800/");
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
  void sidecarGetsTheSnapshotBucket(PodRole role, SeiNode node, PodSpec pod) {
    assertThat(container(pod, NodePod.SIDECAR_CONTAINER).getEnv())
        .contains(new EnvVar("SEI_SNAPSHOT_BUCKET", "s3://sei-snapshots/pacific-1", null));
  }

  @Test
  void withoutABucketTheSidecarGetsNoBucketVariable() {
    PodSpec pod =
        NodeStatefulSet.render(Fixtures.fullNode(), Fixtures.defaultConfig(), Fixtures.SEID_IMAGE)
            .getSpec()
            .getTemplate()
            .getSpec();
    assertThat(container(pod, NodePod.SIDECAR_CONTAINER).getEnv())
        .extracting(EnvVar::getName)
        .containsExactly("SEI_SIDECAR_AUTHN_MODE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void sidecarRunsTheDefaultImageAndResourcesWhenTheSpecNamesNone(
      PodRole role, SeiNode node, PodSpec pod) {
    var sidecar = container(pod, NodePod.SIDECAR_CONTAINER);
    assertThat(sidecar.getImage()).isEqualTo("ghcr.io/sei-protocol/seictl:latest");
    assertThat(sidecar.getCommand()).containsExactly("seictl");
    assertThat(sidecar.getArgs())
        .containsExactly("sidecar", "--home", "/sei", "--listen", "127.0.0.1:7777");
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
