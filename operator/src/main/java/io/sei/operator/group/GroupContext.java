package io.sei.operator.group;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.task.NodeServices;
import java.util.Optional;

/** One run of one group task of a SeiNodeDeployment's plan. */
public record GroupContext(SeiNodeDeployment snd, NodeServices services) {

  public KubernetesClient client() {
    return services.client();
  }

  /** The SeiNode {@code name} in {@code namespace}, if it exists. */
  public Optional<SeiNode> node(String namespace, String name) {
    return Optional.ofNullable(
        client().resources(SeiNode.class).inNamespace(namespace).withName(name).get());
  }
}
