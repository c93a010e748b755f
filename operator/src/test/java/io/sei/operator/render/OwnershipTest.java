package io.sei.operator.render;

import static io.sei.operator.testing.Fixtures.config;
import static io.sei.operator.testing.Fixtures.fullNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnershipTest {

  @Test
  void controllerReferencePointsAtTheSeiNode() {
    OwnerReference ref = Ownership.controllerReference(fullNode());
    assertThat(ref.getApiVersion()).isEqualTo("sei.io/v1alpha1");
    assertThat(ref.getKind()).isEqualTo("SeiNode");
    assertThat(ref.getName()).isEqualTo("rpc-0");
    assertThat(ref.getUid()).isEqualTo("3b0f5d9e-1c2a-4e7b-8f60-0a1b2c3d4e5f");
    assertThat(ref.getController()).isTrue();
    assertThat(ref.getBlockOwnerDeletion()).isTrue();
  }

  static Stream<Arguments> children() {
    return Stream.<Function<SeiNode, HasMetadata>>of(
            n -> DataPvc.render(n, config()).orElseThrow(),
            n -> NodeService.render(n, PodRole.PRODUCTION),
            n -> NodeService.render(n, PodRole.BOOTSTRAP),
            RbacProxyConfigMap::render,
            n -> NodeStatefulSet.render(n, config(), "seid:x"),
            n -> BootstrapJob.render(n, config(), "seid:x", 1))
        .map(render -> render.apply(fullNode()))
        .map(child -> Arguments.of(child.getKind() + " " + child.getMetadata().getName(), child));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("children")
  void everyChildIsControlledByItsNodeInItsNamespace(String name, HasMetadata child) {
    assertThat(child.getMetadata().getOwnerReferences())
        .containsExactly(Ownership.controllerReference(fullNode()));
    assertThat(child.getMetadata().getNamespace()).isEqualTo("sei-mainnet");
    assertThat(child.getMetadata().getLabels())
        .containsEntry(Labels.NODE, "rpc-0")
        .containsEntry(Labels.MANAGED_BY, "sei-operator");
  }

  @Test
  void fieldManagerIsTheOperator() {
    assertThat(Ownership.FIELD_MANAGER).isEqualTo("sei-operator");
  }
}
