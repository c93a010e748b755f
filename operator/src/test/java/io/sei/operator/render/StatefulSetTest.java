package io.sei.operator.render;

import static io.sei.operator.render.SidecarPods.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.sei.operator.testing.Fixtures;
import org.junit.jupiter.api.Test;

class StatefulSetTest {

  private static StatefulSet validator() {
    return NodeStatefulSet.render(Fixtures.validator(), Fixtures.config(), Fixtures.SEID_IMAGE);
  }

  @Test
  void runsOnePodBehindTheNodesHeadlessService() {
    StatefulSet sts = validator();
    assertThat(sts.getMetadata().getName()).isEqualTo("val-0");
    assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
    assertThat(sts.getSpec().getServiceName()).isEqualTo("val-0");
    assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
  }

  @Test
  void selectorMatchesThePodTemplate() {
    StatefulSet sts = validator();
    assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(sts.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void podsAreReplacedOnlyByTheOperator() {
    assertThat(validator().getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
  }

  @Test
  void seidRunsTheImageThePlanRollsOut() {
    PodSpec pod =
        NodeStatefulSet.render(Fixtures.fullNode(), Fixtures.config(), "seid:rolling")
            .getSpec()
            .getTemplate()
            .getSpec();
    var seid = container(pod, NodePod.SEID_CONTAINER);
    assertThat(seid.getImage()).isEqualTo("seid:rolling");
    assertThat(seid.getCommand()).containsExactly("seid");
    assertThat(seid.getArgs()).containsExactly("start", "--home", "/sei");
  }

  @Test
  void validatorKeysAreMountedAsSingleReadOnlyFiles() {
    PodSpec pod = validator().getSpec().getTemplate().getSpec();
    assertThat(container(pod, NodePod.SEID_CONTAINER).getVolumeMounts())
        .filteredOn(m -> m.getMountPath().startsWith("/sei/config/"))
        .extracting(VolumeMount::getMountPath, VolumeMount::getSubPath, VolumeMount::getReadOnly)
        .containsExactly(
            tuple("/sei/config/priv_validator_key.json", "priv_validator_key.json", true),
            tuple("/sei/config/node_key.json", "node_key.json", true));
  }

  @Test
  void validatorKeysComeFromTheirSecretsOwnerReadOnly() {
    PodSpec pod = validator().getSpec().getTemplate().getSpec();
    assertThat(pod.getVolumes())
        .filteredOn(v -> v.getSecret() != null)
        .extracting(
            v -> v.getSecret().getSecretName(),
            v -> v.getSecret().getItems().get(0).getKey(),
            v -> v.getSecret().getDefaultMode())
        .containsExactly(
            tuple("val-0-signing-key", "priv_validator_key.json", 0400),
            tuple("val-0-node-key", "node_key.json", 0400));
  }

  @Test
  void aFullNodeMountsNoSecrets() {
    PodSpec pod = SidecarPods.production(Fixtures.fullNode()).getSpec();
    assertThat(pod.getVolumes()).extracting(Volume::getSecret).containsOnlyNulls();
  }
}
