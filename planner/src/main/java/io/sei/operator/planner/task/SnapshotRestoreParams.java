package io.sei.operator.planner.task;

/**
 * Sidecar params of {@code snapshot-restore} (wire: {@code {"targetHeight": long}}): restore the
 * latest snapshot at or below {@code targetHeight}; 0 means the latest snapshot.
 */
public record SnapshotRestoreParams(long targetHeight) implements TaskParams {
  public SnapshotRestoreParams {
    Require.atLeast(targetHeight, 0, "targetHeight");
  }
}
