package io.sei.operator.sidecar;

import io.sei.operator.api.SeiNode;
import io.sei.operator.config.SidecarEndpointMode;
import io.sei.operator.render.PodRole;

/** How the operator finds the proxy in front of a node's sidecar; always port 8443. */
public interface SidecarEndpoints {

  /**
   * The endpoint of the sidecar in {@code node}'s pod of {@code role}.
   *
   * @throws SidecarUnavailableException when the pod cannot be addressed yet
   */
  SidecarEndpoint resolve(SeiNode node, PodRole role);

  /** The resolution {@code mode} names ({@code SEI_SIDECAR_ENDPOINT}). */
  static SidecarEndpoints forMode(SidecarEndpointMode mode, PodIp.Lookup podIps) {
    return mode == SidecarEndpointMode.POD_IP ? new PodIp(podIps) : new ServiceDns();
  }
}
