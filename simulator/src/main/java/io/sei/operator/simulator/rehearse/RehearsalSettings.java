package io.sei.operator.simulator.rehearse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every scenario shares.
 *
 * @param out where {@code report.json} and {@code report.html} go
 * @param operatorJar the operator jar, run as a separate process
 * @param stateDir the control plane's state (null: a new temporary directory)
 * @param blockTimeMs the simulated chain's block time
 * @param snapshotInterval a chain snapshot every K blocks
 * @param timeout bound of each wait (group Ready, the change finishing)
 * @param maxServiceDowntime the longest acceptable time without a ready endpoint behind the Service
 * @param settleBlocks blocks to keep watching once the change has finished
 * @param sampleMillis time between two samples of the recorder
 */
public record RehearsalSettings(
    Path out,
    Path operatorJar,
    Path stateDir,
    long blockTimeMs,
    long snapshotInterval,
    Duration timeout,
    Duration maxServiceDowntime,
    long settleBlocks,
    long sampleMillis) {

  public RehearsalSettings {
    positive("--block-time-ms", blockTimeMs);
    positive("--snapshot-interval", snapshotInterval);
    positive("--timeout", timeout.toMillis());
    positive("--sample-ms", sampleMillis);
    if (maxServiceDowntime.isNegative()) {
      throw new IllegalArgumentException("--max-service-downtime must not be negative");
    }
    if (settleBlocks < 0) {
      throw new IllegalArgumentException("--settle-blocks must not be negative");
    }
  }

  static void positive(String option, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive (got " + value + ")");
    }
  }
}
