package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.config.NodeAccess;
import java.util.Map;

/**
 * The NetworkPolicy {@code <node>-ingress} of a node's pods (production and bootstrap): port 8443,
 * kube-rbac-proxy, only from the operator's pods; seid's RPC and P2P ports from anywhere; nothing
 * else. The sidecar's own port listens on loopback and needs no rule. Only a CNI that enforces
 * NetworkPolicies applies it.
 */
public final class NodeNetworkPolicy {
  private NodeNetworkPolicy() {}

  /** The label every namespace carries with its own name. */
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  public static NetworkPolicy render(SeiNode node, NodeAccess.OperatorPods operator) {
    return new NetworkPolicyBuilder()
        .withMetadata(Ownership.childMetadata(node, Names.networkPolicy(node)))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Map.of(Labels.NODE, node.getMetadata().getName()))
        .endPodSelector()
        .withPolicyTypes("Ingress")
        .addNewIngress()
        .addNewFrom()
        .withNewNamespaceSelector()
        .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, operator.namespace()))
        .endNamespaceSelector()
        .withNewPodSelector()
        .withMatchLabels(operator.labels())
        .endPodSelector()
        .endFrom()
        .withPorts(tcp(Ports.PROXY))
        .endIngress()
        .addNewIngress()
        .withPorts(tcp(Ports.SEID_RPC), tcp(Ports.SEID_P2P))
        .endIngress()
        .endSpec()
        .build();
  }

  private static NetworkPolicyPort tcp(int port) {
    return new NetworkPolicyPortBuilder()
        .withProtocol("TCP")
        .withPort(new IntOrString(port))
        .build();
  }
}
