package io.sei.operator.simulator.cluster.junit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.simulator.cluster.LocalControlPlane;
import io.sei.operator.simulator.kubelet.SimulatedKubelet;

/**
 * What a test gets from {@link WithLocalControlPlane}: the shared control plane with its simulated
 * kubelet, the admin client and a namespace of its own (deleted after the test).
 */
public record LocalCluster(
    LocalControlPlane controlPlane, SimulatedKubelet kubelet, String namespace) {
  public KubernetesClient client() {
    return controlPlane.client();
  }
}
