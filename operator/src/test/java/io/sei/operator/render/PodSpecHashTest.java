package io.sei.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.sei.operator.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodSpecHashTest {

  private static StatefulSet render(String image) {
    return NodeStatefulSet.render(Fixtures.validator(), Fixtures.config(), image);
  }

  private static String hash(StatefulSet sts) {
    return sts.getSpec().getTemplate().getMetadata().getAnnotations().get(PodSpecHash.ANNOTATION);
  }

  /** A pod as the StatefulSet controller creates it from {@code sts}'s template. */
  private static Pod podOf(StatefulSet sts) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("val-0-0")
        .withAnnotations(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .endMetadata()
        .withSpec(sts.getSpec().getTemplate().getSpec())
        .build();
  }

  @Test
  void theTemplateCarriesTheHashOfItsSpec() {
    StatefulSet sts = render("seid:a");
    assertThat(hash(sts))
        .matches("[0-9a-f]{16}")
        .isEqualTo(PodSpecHash.of(sts.getSpec().getTemplate().getSpec()));
  }

  @Test
  void theSameNodeRendersTheSameHash() {
    assertThat(hash(render("seid:a"))).isEqualTo(hash(render("seid:a")));
  }

  @Test
  void aDifferentPodSpecRendersADifferentHash() {
    assertThat(hash(render("seid:a"))).isNotEqualTo(hash(render("seid:b")));
  }

  @Test
  void aPodFromTheDesiredTemplateIsNotStale() {
    assertThat(PodSpecHash.isStale(podOf(render("seid:a")), render("seid:a"))).isFalse();
  }

  @Test
  void aPodFromAnOlderTemplateIsStale() {
    assertThat(PodSpecHash.isStale(podOf(render("seid:a")), render("seid:b"))).isTrue();
  }

  @Test
  void aPodWithoutTheAnnotationIsStale() {
    Pod unannotated = podOf(render("seid:a"));
    unannotated.getMetadata().setAnnotations(null);
    assertThat(PodSpecHash.isStale(unannotated, render("seid:a"))).isTrue();
    unannotated.getMetadata().setAnnotations(Map.of("other", "x"));
    assertThat(PodSpecHash.isStale(unannotated, render("seid:a"))).isTrue();
  }
}
