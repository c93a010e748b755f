package io.sei.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.sei.operator.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NodeServiceTest {

  @ParameterizedTest
  @CsvSource({"PRODUCTION, rpc-0", "BOOTSTRAP, rpc-0-bootstrap"})
  void isNamedAfterTheNodeAndRole(PodRole role, String name) {
    assertThat(NodeService.render(Fixtures.fullNode(), role).getMetadata().getName())
        .isEqualTo(name);
  }

  @ParameterizedTest
  @EnumSource(PodRole.class)
  void isHeadlessAndPublishesNotReadyAddresses(PodRole role) {
    Service service = NodeService.render(Fixtures.fullNode(), role);
    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(service.getSpec().getPublishNotReadyAddresses()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(PodRole.class)
  void publishesRpcP2pAndTheProxy(PodRole role) {
    assertThat(NodeService.render(Fixtures.fullNode(), role).getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort)
        .containsExactly(tuple("rpc", 26657), tuple("p2p", 26656), tuple("proxy", 8443));
  }

  @ParameterizedTest
  @EnumSource(PodRole.class)
  void selectsExactlyThePodOfItsRole(PodRole role) {
    var node = Fixtures.fullNode();
    var podLabels =
        (role == PodRole.PRODUCTION ? SidecarPods.production(node) : SidecarPods.bootstrap(node))
            .getMetadata()
            .getLabels();
    var selector = NodeService.render(node, role).getSpec().getSelector();
    assertThat(podLabels).containsAllEntriesOf(selector);
    assertThat(selector).containsEntry("sei.io/role", role.label());
  }
}
