package io.sei.operator.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the operator addresses a node's sidecar (always through kube-rbac-proxy on 8443). */
public enum SidecarEndpointMode {
  /** {@code <service>.<namespace>.svc}: the operator runs in the cluster. */
  SERVICE_DNS("service-dns"),
  /** The pod's IP: the operator runs outside the cluster network's DNS. */
  POD_IP("pod-ip");

  private final String value;

  SidecarEndpointMode(String value) {
    this.value = value;
  }

  /** The spelling in {@code SEI_SIDECAR_ENDPOINT}. */
  public String value() {
    return value;
  }

  static String allValues() {
    return Arrays.stream(values()).map(SidecarEndpointMode::value).collect(Collectors.joining("|"));
  }
}
