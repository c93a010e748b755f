package io.sei.operator.render;

import static io.sei.operator.render.SidecarPods.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sei.operator.testing.Fixtures;
import org.junit.jupiter.api.Test;

class BootstrapJobTest {

  private static Job job() {
    return BootstrapJob.render(Fixtures.validator(), Fixtures.config(), "seid:incumbent", 4999);
  }

  @Test
  void isNamedAfterTheNode() {
    assertThat(job().getMetadata().getName()).isEqualTo("val-0-bootstrap");
  }

  @Test
  void seidRunsTheBootstrapImageAndHaltsAtTheTargetHeight() {
    var seid = container(job().getSpec().getTemplate().getSpec(), NodePod.SEID_CONTAINER);
    assertThat(seid.getImage()).isEqualTo("seid:incumbent");
    assertThat(seid.getArgs()).containsExactly("start", "--home", "/sei", "--halt-height", "4999");
  }

  @Test
  void runsOnceWithoutRestarts() {
    assertThat(job().getSpec().getBackoffLimit()).isZero();
    assertThat(job().getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void neverMountsTheValidatorKeys() {
    PodSpec pod = job().getSpec().getTemplate().getSpec();
    assertThat(pod.getVolumes()).extracting(Volume::getSecret).containsOnlyNulls();
    assertThat(container(pod, NodePod.SEID_CONTAINER).getVolumeMounts())
        .noneMatch(m -> m.getMountPath().startsWith("/sei/config/"));
  }

  @Test
  void usesTheProductionPodsDataVolumeAndProxyConfig() {
    PodSpec bootstrap = job().getSpec().getTemplate().getSpec();
    PodSpec production = SidecarPods.production(Fixtures.validator()).getSpec();
    assertThat(NodePodTest.volume(bootstrap, "data"))
        .isEqualTo(NodePodTest.volume(production, "data"));
    assertThat(NodePodTest.volume(bootstrap, "rbac-proxy-config"))
        .isEqualTo(NodePodTest.volume(production, "rbac-proxy-config"));
  }
}
