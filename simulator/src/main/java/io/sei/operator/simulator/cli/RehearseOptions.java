package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.rehearse.RehearsalSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The flags every {@code rehearse} scenario shares. */
final class RehearseOptions {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "target/rehearsal",
      description = "Where report.json and report.html go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--operator",
      paramLabel = "JAR",
      defaultValue = "operator/target/sei-operator.jar",
      description = "The operator jar, run as a separate process (default: ${DEFAULT-VALUE}).")
  Path operatorJar;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Control plane state and logs (default: a new temporary directory).")
  Path stateDir;

  @Option(
      names = "--block-time-ms",
      paramLabel = "MS",
      defaultValue = "200",
      description = "The chain's block time (default: ${DEFAULT-VALUE}).")
  long blockTimeMs;

  @Option(
      names = "--snapshot-interval",
      paramLabel = "K",
      defaultValue = "10",
      description = "A chain snapshot every K blocks (default: ${DEFAULT-VALUE}).")
  long snapshotInterval;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Bound of each wait: the workload Ready, the change done (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--max-service-downtime",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Expectation: the Service is without a ready endpoint at most this long in total"
              + " (default: ${DEFAULT-VALUE}).")
  double maxServiceDowntimeSeconds;

  @Option(
      names = "--settle-blocks",
      paramLabel = "K",
      defaultValue = "10",
      description = "Blocks to keep watching once the change is done (default: ${DEFAULT-VALUE}).")
  long settleBlocks;

  @Option(
      names = "--sample-ms",
      paramLabel = "MS",
      defaultValue = "200",
      description = "Time between two observations (default: ${DEFAULT-VALUE}).")
  long sampleMs;

  RehearsalSettings settings() {
    return new RehearsalSettings(
        out,
        operatorJar,
        stateDir,
        blockTimeMs,
        snapshotInterval,
        Duration.ofSeconds(timeoutSeconds),
        Duration.ofMillis(Math.round(maxServiceDowntimeSeconds * 1000)),
        settleBlocks,
        sampleMs);
  }
}
