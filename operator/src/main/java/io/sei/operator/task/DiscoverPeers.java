package io.sei.operator.task;

import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.DiscoverPeersParams;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.render.Names;
import io.sei.operator.render.PodRole;
import io.sei.operator.render.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code discover-peers}: resolves the label selectors of the plan to the SeiNodes they match (each
 * as {@code <node>@<service>.<namespace>.svc:26656}), submits the static and resolved addresses,
 * and records them in {@code status.resolvedPeers} once the sidecar wrote them.
 */
final class DiscoverPeers extends SidecarExecution<DiscoverPeersParams> {
  @Override
  String paramsJson(TaskContext context, DiscoverPeersParams params) {
    return TaskCodec.encode(resolved(context, params)).toString();
  }

  @Override
  void completed(TaskContext context, DiscoverPeersParams params) {
    context.status().setResolvedPeers(resolved(context, params).addresses());
  }

  private static DiscoverPeersParams resolved(TaskContext context, DiscoverPeersParams params) {
    List<String> addresses = new ArrayList<>();
    if (params.selectors() != null) {
      for (DiscoverPeersParams.Selector selector : params.selectors()) {
        String ns = selector.namespace() == null ? context.namespace() : selector.namespace();
        context
            .services()
            .client()
            .resources(SeiNode.class)
            .inNamespace(ns)
            .withLabels(selector.matchLabels())
            .list()
            .getItems()
            .stream()
            .filter(n -> !n.getMetadata().getName().equals(context.node().getMetadata().getName()))
            .map(n -> address(n, ns))
            .sorted()
            .forEach(addresses::add);
      }
    }
    return params.withResolved(addresses);
  }

  private static String address(SeiNode peer, String namespace) {
    return peer.getMetadata().getName()
        + "@"
        + Names.service(peer, PodRole.PRODUCTION)
        + "."
        + namespace
        + ".svc:"
        + Ports.SEID_P2P;
  }
}
