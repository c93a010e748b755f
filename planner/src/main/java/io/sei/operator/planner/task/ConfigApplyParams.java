package io.sei.operator.planner.task;

import java.util.Map;

/**
 * Sidecar params of {@code config-apply} (wire: {@code {"chainId": string, "mode":
 * "fullNode"|"archive"|"validator", "overrides": {string: string}}}): write seid's config; {@code
 * overrides} is always present, possibly empty, in key order.
 */
public record ConfigApplyParams(String chainId, NodeMode mode, Map<String, String> overrides)
    implements TaskParams {
  public ConfigApplyParams {
    Require.text(chainId, "chainId");
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    overrides = Require.sortedMap(overrides);
  }
}
