package io.sei.operator.planner.task;

/**
 * Sidecar params of {@code configure-state-sync} (wire: {@code {"trustPeriod"?: string,
 * "backfillBlocks": long, "useLocalSnapshot": bool}}): {@code trustPeriod} is omitted when the spec
 * sets none (the sidecar's default applies); {@code useLocalSnapshot} is true for a node restored
 * from an S3 snapshot, whose trust height is then the restored snapshot's. The sidecar's witnesses
 * default to the persistent peers {@code config-apply} wrote.
 */
public record ConfigureStateSyncParams(
    String trustPeriod, long backfillBlocks, boolean useLocalSnapshot) implements TaskParams {
  public ConfigureStateSyncParams {
    Require.atLeast(backfillBlocks, 0, "backfillBlocks");
  }
}
