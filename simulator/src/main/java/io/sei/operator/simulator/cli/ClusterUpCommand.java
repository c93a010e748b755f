package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.cluster.ClusterUp;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "up",
    description =
        "Start etcd, kube-apiserver, kube-controller-manager and the simulated kubelet, install the"
            + " CRDs, write an admin kubeconfig, print READY, and run until SIGINT/SIGTERM.")
final class ClusterUpCommand implements RoleCommand {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(
      names = "--kubeconfig",
      required = true,
      paramLabel = "PATH",
      description = "Where to write the admin kubeconfig.")
  Path kubeconfig;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Logs, volumes and certificates (default: a new temporary directory).")
  Path stateDir;

  @Option(
      names = "--chain",
      description = "Also run a simulated chain on the host; prints CHAIN <host:port>.")
  boolean chain;

  @Option(
      names = "--chain-listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:0",
      description = "Address of the chain (default: ${DEFAULT-VALUE}, a free port).")
  String chainListen;

  @Option(
      names = "--block-time-ms",
      paramLabel = "MS",
      defaultValue = "500",
      description = "Chain block time (default: ${DEFAULT-VALUE}).")
  long blockTimeMs;

  @Option(
      names = "--upgrade",
      paramLabel = "NAME@HEIGHT[+stores]",
      description = "Planned chain upgrade (repeatable), as for the chain command.")
  List<String> upgrades = new ArrayList<>();

  @Option(
      names = "--operator",
      arity = "0..1",
      paramLabel = "JAR",
      fallbackValue = "operator/target/sei-operator.jar",
      description =
          "Also run the operator jar (default: ${FALLBACK-VALUE}) as a separate process, as the"
              + " ServiceAccount sei-system/sei-operator bound to the chart's ClusterRole; prints"
              + " OPERATOR pid=… log=….")
  Path operatorJar;

  @Option(
      names = "--snapshot-interval",
      paramLabel = "K",
      defaultValue = "10",
      description = "Chain snapshot every K blocks (default: ${DEFAULT-VALUE}).")
  long snapshotInterval;

  @Override
  public SimProcess create(SimContext context) {
    if (!chain && !upgrades.isEmpty()) {
      throw new IllegalArgumentException("--upgrade needs --chain");
    }
    ChainConfig chainConfig =
        chain
            ? new ChainConfig(
                chainListen,
                blockTimeMs,
                upgrades.stream().map(Upgrade::parse).toList(),
                snapshotInterval,
                null)
            : null;
    return new ClusterUp(
        new ClusterUp.Options(kubeconfig, stateDir, chainConfig, operatorJar), context);
  }
}
