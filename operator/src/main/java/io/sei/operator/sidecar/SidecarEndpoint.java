package io.sei.operator.sidecar;

import io.sei.operator.render.Ports;
import java.net.URI;

/** Where the operator calls a node's sidecar: its kube-rbac-proxy, plain HTTP. */
public record SidecarEndpoint(String host, int port) {

  /** The proxy of the pod at {@code host}, on {@link Ports#PROXY}. */
  public static SidecarEndpoint proxy(String host) {
    return new SidecarEndpoint(host, Ports.PROXY);
  }

  /** {@code http://host:port} + {@code path}; IPv6 addresses in brackets. */
  public URI uri(String path) {
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + port + path);
  }

  @Override
  public String toString() {
    return uri("").toString();
  }
}
