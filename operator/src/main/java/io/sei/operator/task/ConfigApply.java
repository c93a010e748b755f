package io.sei.operator.task;

import io.sei.operator.api.Conditions;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.ConfigApplyParams;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.render.Names;
import io.sei.operator.render.PodRole;
import io.sei.operator.render.Ports;
import io.sei.operator.sidecar.SidecarException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code config-apply}: submits the node's sei-config intent. Peers reach seid through it, as the
 * override {@value ConfigApplyParams#PERSISTENT_PEERS}: static addresses as the spec gives them,
 * and each SeiNode a label selector matches as {@code <node id>@<node>.<namespace>.svc:26656},
 * where the node id is the peer's real CometBFT node id, asked from the peer's sidecar ({@code GET
 * /v0/node-id}). A peer whose id cannot be had yet is waited for, with the reason in the {@code
 * PeersResolved} condition; nothing is submitted until every peer is known. The peers submitted are
 * recorded in {@code status.resolvedPeers}.
 */
final class ConfigApply extends SidecarExecution<ConfigApplyParams> {

  @Override
  String paramsJson(TaskContext context, ConfigApplyParams params) {
    List<String> resolved = resolve(context, params);
    if (params.peerSelectors() != null) {
      context.condition(
          Conditions.PEERS_RESOLVED,
          Conditions.TRUE,
          Conditions.REASON_PEERS_RESOLVED,
          "the node id of every label-selected peer is known");
    }
    if (params.hasPeers()) {
      context.status().setResolvedPeers(params.peers(resolved));
    }
    return TaskCodec.sidecarParams(params, resolved).toString();
  }

  /** The label-selected peers' addresses; {@link NotYet} naming a peer whose id is unknown. */
  private static List<String> resolve(TaskContext context, ConfigApplyParams params) {
    List<String> addresses = new ArrayList<>();
    for (ConfigApplyParams.PeerSelector selector :
        Optional.ofNullable(params.peerSelectors()).orElse(List.of())) {
      String ns = selector.namespace() == null ? context.namespace() : selector.namespace();
      List<SeiNode> matches =
          context
              .services()
              .client()
              .resources(SeiNode.class)
              .inNamespace(ns)
              .withLabels(selector.matchLabels())
              .list()
              .getItems()
              .stream()
              .filter(n -> !isSelf(context, n))
              .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
              .toList();
      for (SeiNode peer : matches) {
        addresses.add(
            nodeId(context, peer)
                + "@"
                + Names.serviceHost(peer, PodRole.PRODUCTION)
                + ":"
                + Ports.SEID_P2P);
      }
    }
    return addresses;
  }

  private static String nodeId(TaskContext context, SeiNode peer) {
    try {
      return context
          .services()
          .sidecars()
          .nodeId(context.services().endpoints().resolve(peer, PodRole.PRODUCTION));
    } catch (SidecarException e) {
      String why =
          "peer SeiNode "
              + peer.getMetadata().getNamespace()
              + "/"
              + peer.getMetadata().getName()
              + ": its node id is not available yet ("
              + e.getMessage()
              + ")";
      context.condition(
          Conditions.PEERS_RESOLVED,
          Conditions.FALSE,
          Conditions.REASON_PEER_NODE_ID_UNAVAILABLE,
          why);
      throw new NotYet(why);
    }
  }

  private static boolean isSelf(TaskContext context, SeiNode candidate) {
    return candidate.getMetadata().getName().equals(context.node().getMetadata().getName())
        && candidate.getMetadata().getNamespace().equals(context.namespace());
  }
}
