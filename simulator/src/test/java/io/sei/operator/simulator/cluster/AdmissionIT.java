package io.sei.operator.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.api.CelRuleCases;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admission rule of the committed CRDs on a real kube-apiserver: the accepted object is
 * created, the counterexample is refused with the rule's message. Immutability rules are proven
 * with an update of an existing object.
 */
@WithLocalControlPlane
class AdmissionIT {
  private static final AtomicInteger NAMES = new AtomicInteger();

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sei.operator.api.CelRuleCases#cases")
  void apiServerAcceptsTheExampleAndRefusesTheCounterexampleWithTheRuleMessage(
      CelRuleCases.Case c, LocalCluster cluster) {
    if (c.old() == null) {
      assertThat(create(cluster, c.kind(), c.accepted()).getMetadata().getUid()).isNotBlank();
      assertThatThrownBy(() -> create(cluster, c.kind(), c.rejected()))
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
          .hasMessageContaining(c.message());
    } else {
      GenericKubernetesResource existing = create(cluster, c.kind(), c.old());
      assertThatThrownBy(() -> updateSpec(cluster, existing, c.rejected()))
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining(c.message());
      assertThat(updateSpec(cluster, existing, c.accepted()).getAdditionalProperties().get("spec"))
          .as("the accepted update is stored")
          .isEqualTo(spec(c.accepted()));
    }
  }

  @Test
  void apiServerRefusesABlankImage(LocalCluster cluster) {
    assertThatThrownBy(
            () -> create(cluster, "SeiNode", "spec: {chainId: pacific-1, image: '', archive: {}}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.image");
  }

  private static GenericKubernetesResource create(LocalCluster cluster, String kind, String yaml) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("sei.io/v1alpha1");
    r.setKind(kind);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(kind.toLowerCase() + "-" + NAMES.incrementAndGet())
            .withNamespace(cluster.namespace())
            .build());
    r.setAdditionalProperty("spec", spec(yaml));
    return cluster.client().resource(r).create();
  }

  private static GenericKubernetesResource updateSpec(
      LocalCluster cluster, GenericKubernetesResource existing, String yaml) {
    Resource<GenericKubernetesResource> live = cluster.client().resource(existing);
    return live.edit(
        r -> {
          r.setAdditionalProperty("spec", spec(yaml));
          return r;
        });
  }

  private static Object spec(String yaml) {
    return Serialization.unmarshal(yaml, Map.class).get("spec");
  }
}
