package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.sei.operator.api.SeiNode;

/**
 * The headless Service in front of a node's pod: {@code <node>} for the production pod, {@code
 * <node>-bootstrap} for the bootstrap pod. It publishes seid's RPC and P2P ports and the proxy —
 * never the sidecar's port — and publishes not-ready addresses, so the operator reaches the sidecar
 * (through the proxy) before the pod is Ready.
 */
public final class NodeService {
  private NodeService() {}

  public static Service render(SeiNode node, PodRole role) {
    return new ServiceBuilder()
        .withMetadata(Ownership.childMetadata(node, Names.service(node, role)))
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(true)
        .withSelector(NodePod.selector(node, role))
        .withPorts(
            port(NodePod.RPC_PORT_NAME, Ports.SEID_RPC),
            port(NodePod.P2P_PORT_NAME, Ports.SEID_P2P),
            port(NodePod.PROXY_PORT_NAME, Ports.PROXY))
        .endSpec()
        .build();
  }

  private static ServicePort port(String name, int port) {
    return new ServicePortBuilder()
        .withName(name)
        .withPort(port)
        .withNewTargetPort(name)
        .withProtocol("TCP")
        .build();
  }
}
