package io.sei.operator.sidecar;

import io.sei.operator.api.SeiNode;
import io.sei.operator.render.Names;
import io.sei.operator.render.PodRole;

/**
 * In-cluster resolution through the node's headless Services: {@code <node>.<ns>.svc} for the
 * production pod, {@code <node>-bootstrap.<ns>.svc} for the bootstrap pod. The Services publish
 * not-ready addresses, so the name resolves before the pod is Ready.
 */
public final class ServiceDns implements SidecarEndpoints {
  @Override
  public SidecarEndpoint resolve(SeiNode node, PodRole role) {
    return SidecarEndpoint.proxy(Names.serviceHost(node, role));
  }
}
