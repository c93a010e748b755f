package io.sei.operator.planner.task;

/**
 * Sidecar params of {@code configure-state-sync} (wire: {@code {"trustPeriod": string,
 * "backfillBlocks": long}}): {@code trustPeriod} is omitted when the spec sets none (the sidecar's
 * default applies).
 */
public record ConfigureStateSyncParams(String trustPeriod, long backfillBlocks)
    implements TaskParams {
  public ConfigureStateSyncParams {
    Require.atLeast(backfillBlocks, 0, "backfillBlocks");
  }
}
