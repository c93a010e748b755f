package io.sei.operator.simulator.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.sei.operator.simulator.chain.Chain;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.kubelet.KubeletSettings;
import io.sei.operator.simulator.kubelet.SimulatedKubelet;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.proc.StopSignal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code cluster up}: the local control plane with the simulated kubelet (and optionally a
 * simulated chain beside it), until stopped. Prints {@code CHAIN <host:port>} when a chain runs and
 * {@code READY} once the node is Ready and the admin kubeconfig is written.
 */
public final class ClusterUp implements SimProcess {
  /** What to bring up; {@code chain} and {@code operatorJar} are null when not wanted. */
  public record Options(Path kubeconfig, Path stateDir, ChainConfig chain, Path operatorJar) {}

  private final Options options;
  private final SimContext context;
  private final StopSignal stop = new StopSignal();

  public ClusterUp(Options options, SimContext context) {
    this.options = options;
    this.context = context;
  }

  @Override
  public int run() {
    Path stateDir;
    try {
      stateDir =
          options.stateDir() != null
              ? Files.createDirectories(options.stateDir())
              : Files.createTempDirectory("sei-cluster");
    } catch (IOException e) {
      context.fatal("cannot create the state directory: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    try (LocalControlPlane cp = LocalControlPlane.start(stateDir, context.out())) {
      cp.installCrds();
      try (SimulatedKubelet kubelet =
          SimulatedKubelet.start(cp, KubeletSettings.defaults(), stateDir.resolve("kubelet"))) {
        RunningChain chain = startChain();
        OperatorProcess operator = null;
        try {
          if (options.operatorJar() != null) {
            operator =
                OperatorProcess.start(
                    cp, options.operatorJar(), chain == null ? null : chain.url());
            context.log("OPERATOR pid=" + operator.pid() + " log=" + operator.log());
          }
          Files.writeString(options.kubeconfig(), cp.kubeconfigYaml());
          Waits.until(
              "the simulated node to be Ready", Duration.ofSeconds(60), () -> nodeReady(cp));
          context.log("READY");
          stop.await();
        } finally {
          if (operator != null) {
            operator.close();
          }
          if (chain != null) {
            chain.process().stop(Duration.ofSeconds(5));
          }
        }
      }
      return ExitCodes.OK;
    } catch (IOException | RuntimeException e) {
      context.fatal("cluster up failed: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  private record RunningChain(RunningProcess process, String url) {}

  private RunningChain startChain() throws IOException {
    if (options.chain() == null) {
      return null;
    }
    Chain chain = new Chain(options.chain(), context);
    RunningProcess running = RunningProcess.start("chain", chain);
    try {
      InetSocketAddress address = chain.listening().get(30, TimeUnit.SECONDS);
      String hostPort = address.getHostString() + ":" + address.getPort();
      context.log("CHAIN " + hostPort);
      return new RunningChain(running, "http://" + hostPort);
    } catch (Exception e) {
      running.stop(Duration.ofSeconds(5));
      throw new IOException("the chain did not start: " + e.getMessage(), e);
    }
  }

  private static boolean nodeReady(LocalControlPlane cp) {
    return cp.client().nodes().list().getItems().stream()
        .map(Node::getStatus)
        .anyMatch(
            s ->
                s != null
                    && s.getConditions().stream()
                        .anyMatch(
                            c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
  }

  @Override
  public void stop() {
    stop.raise();
  }
}
