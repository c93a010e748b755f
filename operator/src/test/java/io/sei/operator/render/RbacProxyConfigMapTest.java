package io.sei.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.sei.operator.testing.Fixtures;
import io.sei.operator.testing.Golden;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RbacProxyConfigMapTest {

  @Test
  void scopesTheSubjectAccessReviewToTheNodesTaskResource() {
    ConfigMap configMap = RbacProxyConfigMap.render(Fixtures.fullNode());
    assertThat(configMap.getMetadata().getName()).isEqualTo("rpc-0-rbac-proxy-config");
    @SuppressWarnings("unchecked")
    Map<String, Object> config = Golden.parse(configMap.getData().get("config.yaml"), Map.class);
    assertThat(config)
        .isEqualTo(
            Map.of(
                "authorization",
                Map.of(
                    "resourceAttributes",
                    Map.of(
                        "namespace", "sei-mainnet",
                        "apiGroup", "sei.io",
                        "resource", "seinodetasks",
                        "name", "rpc-0"))));
  }
}
