package io.sei.operator.planner.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code config-apply}: the sei-config intent sent to the sidecar ({@link Intent}: wire
 * {@code {"mode": "full"|"archive"|"validator", "overrides": {string: string}}}) and the node's
 * peers, which reach seid as the override {@value #PERSISTENT_PEERS}.
 *
 * <p>The planner stores the spec's static peer addresses as given and, for label peer sources, the
 * selectors: neither the planner nor the sidecar can resolve labels. Before submitting, the
 * operator resolves each selector to the matching SeiNodes as {@code <node id>@<host>:26656}, the
 * node id being the peer's real CometBFT node id, and sends {@link #intent(List)}.
 *
 * @param mode the sei-config mode of the node
 * @param overrides the spec's overrides, dotted sei-config keys, in key order; always present
 * @param staticPeers static peer addresses, in spec order; omitted (null) when there are none
 * @param peerSelectors label peer sources still to resolve; omitted (null) when there are none
 */
public record ConfigApplyParams(
    NodeMode mode,
    Map<String, String> overrides,
    List<String> staticPeers,
    List<PeerSelector> peerSelectors)
    implements TaskParams {

  /**
   * The sei-config key of seid's persistent peers ({@code p2p.persistent-peers} of config.toml).
   */
  public static final String PERSISTENT_PEERS = "network.p2p.persistent_peers";

  /**
   * The sei-config key of seid's double-sign risk check ({@code consensus.double-sign-check-height}
   * of config.toml): how many past blocks seid searches for its own signature before it signs.
   */
  public static final String DOUBLE_SIGN_CHECK_HEIGHT = "consensus.double_sign_check_height";

  public ConfigApplyParams {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    overrides = Require.sortedMap(overrides);
    staticPeers = staticPeers == null || staticPeers.isEmpty() ? null : List.copyOf(staticPeers);
    peerSelectors =
        peerSelectors == null || peerSelectors.isEmpty() ? null : List.copyOf(peerSelectors);
  }

  /**
   * A label peer source: SeiNodes matching {@code matchLabels} in {@code namespace}, or in the
   * node's own namespace when {@code namespace} is null.
   */
  public record PeerSelector(Map<String, String> matchLabels, String namespace) {
    public PeerSelector {
      if (matchLabels == null || matchLabels.isEmpty()) {
        throw new IllegalArgumentException("matchLabels is required");
      }
      matchLabels = Require.sortedMap(matchLabels);
    }
  }

  /** The sei-config intent the sidecar takes: {@code {"mode", "overrides"}}. */
  public record Intent(NodeMode mode, Map<String, String> overrides) {}

  /** True when the spec names peers, static or by label. */
  public boolean hasPeers() {
    return staticPeers != null || peerSelectors != null;
  }

  /**
   * The intent to submit: the overrides plus, when the node has peers, {@value #PERSISTENT_PEERS} =
   * a value the spec's overrides already gave for it, the static addresses and {@code resolved},
   * comma-separated, duplicates dropped.
   */
  public Intent intent(List<String> resolved) {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    List<String> peers = peers(resolved);
    if (!peers.isEmpty()) {
      all.put(PERSISTENT_PEERS, String.join(",", peers));
    }
    return new Intent(mode, all);
  }

  /** The persistent peers {@link #intent(List)} sends, in order. */
  public List<String> peers(List<String> resolved) {
    LinkedHashSet<String> peers = new LinkedHashSet<>();
    String given = overrides.get(PERSISTENT_PEERS);
    if (given != null) {
      for (String peer : given.split(",")) {
        if (!peer.isBlank()) {
          peers.add(peer.trim());
        }
      }
    }
    if (staticPeers != null) {
      peers.addAll(staticPeers);
    }
    peers.addAll(resolved);
    return new ArrayList<>(peers);
  }
}
