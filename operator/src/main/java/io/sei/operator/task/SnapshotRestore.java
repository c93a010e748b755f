package io.sei.operator.task;

import io.sei.operator.planner.task.SnapshotRestoreParams;

/**
 * {@code snapshot-restore}: submitted to the sidecar as planned, done when the sidecar completed
 * it.
 */
final class SnapshotRestore extends SidecarExecution<SnapshotRestoreParams> {}
