package io.sei.operator.planner.task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Sidecar params of {@code discover-peers} (wire: {@code {"addresses": [string]}}), addresses as
 * {@code <node-id>@<host>:<port>}.
 *
 * <p>The planner copies the spec's static addresses and, for label peer sources, the selectors: the
 * sidecar cannot resolve labels. Before submitting, the operator resolves each selector to the
 * addresses of the matching SeiNodes and sends {@link #withResolved(List)}, whose {@code selectors}
 * is omitted; a sidecar that receives {@code selectors} ignores them.
 *
 * @param addresses static peer addresses, in spec order
 * @param selectors label peer sources still to resolve; omitted (null) when there are none
 */
public record DiscoverPeersParams(List<String> addresses, List<Selector> selectors)
    implements TaskParams {

  public DiscoverPeersParams {
    addresses = Require.list(addresses, "addresses");
    selectors = selectors == null || selectors.isEmpty() ? null : List.copyOf(selectors);
  }

  /**
   * A label peer source: SeiNodes matching {@code matchLabels} in {@code namespace}, or in the
   * node's own namespace when {@code namespace} is null.
   */
  public record Selector(Map<String, String> matchLabels, String namespace) {
    public Selector {
      if (matchLabels == null || matchLabels.isEmpty()) {
        throw new IllegalArgumentException("matchLabels is required");
      }
      matchLabels = Require.sortedMap(matchLabels);
    }
  }

  /** The params to submit: static addresses plus {@code resolved}, duplicates dropped. */
  public DiscoverPeersParams withResolved(List<String> resolved) {
    LinkedHashSet<String> all = new LinkedHashSet<>(addresses);
    all.addAll(resolved);
    return new DiscoverPeersParams(new ArrayList<>(all), null);
  }
}
