package io.sei.operator.render;

import static io.sei.operator.testing.Fixtures.BOOTSTRAP_IMAGE;
import static io.sei.operator.testing.Fixtures.SEID_IMAGE;
import static io.sei.operator.testing.Fixtures.config;
import static io.sei.operator.testing.Fixtures.fullNode;
import static io.sei.operator.testing.Fixtures.validator;

import io.sei.operator.config.NodeAccess;
import io.sei.operator.testing.Golden;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered object against its golden YAML (regenerate with -Dsei.golden.update=true). */
class RenderGoldenTest {

  static Stream<Arguments> rendered() {
    return Stream.of(
        golden("data-pvc", () -> DataPvc.render(fullNode(), config()).orElseThrow()),
        golden("service", () -> NodeService.render(fullNode(), PodRole.PRODUCTION)),
        golden("bootstrap-service", () -> NodeService.render(fullNode(), PodRole.BOOTSTRAP)),
        golden("rbac-proxy-configmap", () -> RbacProxyConfigMap.render(fullNode())),
        golden(
            "network-policy",
            () ->
                NodeNetworkPolicy.render(
                    fullNode(),
                    new NodeAccess.OperatorPods(
                        "sei-operator", Map.of("app.kubernetes.io/name", "sei-operator")))),
        golden(
            "statefulset-full-node",
            () -> NodeStatefulSet.render(fullNode(), config(), SEID_IMAGE)),
        golden(
            "statefulset-validator",
            () -> NodeStatefulSet.render(validator(), config(), SEID_IMAGE)),
        golden(
            "bootstrap-job-validator",
            () -> BootstrapJob.render(validator(), config(), BOOTSTRAP_IMAGE, 99)));
  }

  private static Arguments golden(String name, Supplier<Object> render) {
    return Arguments.of(name, render);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rendered")
  void renderingMatchesTheGoldenFile(String name, Supplier<Object> render) {
    Golden.assertMatches(name, render.get());
  }
}
