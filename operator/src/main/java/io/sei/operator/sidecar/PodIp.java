package io.sei.operator.sidecar;

import io.sei.operator.api.SeiNode;
import io.sei.operator.render.NodePod;
import io.sei.operator.render.PodRole;
import java.util.Map;
import java.util.Optional;

/**
 * Resolution by the pod's IP, for an operator that runs outside the cluster's DNS. The IP comes
 * from a lookup the caller supplies (e.g. the informer cache of pods).
 */
public final class PodIp implements SidecarEndpoints {

  /** The IP of the running pod in {@code namespace} matching {@code selector}, if any. */
  @FunctionalInterface
  public interface Lookup {
    Optional<String> podIp(String namespace, Map<String, String> selector);

    /** Why there is no IP: what the matching pods look like, for the wait's log line. */
    default String whyNot(String namespace, Map<String, String> selector) {
      return "has no IP yet";
    }
  }

  private final Lookup lookup;

  public PodIp(Lookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public SidecarEndpoint resolve(SeiNode node, PodRole role) {
    String namespace = node.getMetadata().getNamespace();
    Map<String, String> selector = NodePod.selector(node, role);
    return lookup
        .podIp(namespace, selector)
        .filter(ip -> !ip.isBlank())
        .map(SidecarEndpoint::proxy)
        .orElseThrow(
            () ->
                new SidecarUnavailableException(
                    "the "
                        + role.label()
                        + " pod of SeiNode "
                        + namespace
                        + "/"
                        + node.getMetadata().getName()
                        + " "
                        + lookup.whyNot(namespace, selector)));
  }
}
