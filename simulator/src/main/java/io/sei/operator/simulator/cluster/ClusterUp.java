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
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code cluster up}: the local control plane with the simulated kubelet (and optionally a
 * simulated chain beside it), until stopped. Prints {@code CHAIN <host:port>} when a chain runs and
 * {@code READY} once the node is Ready and the admin kubeconfig is written.
 *
 * <p>Its pieces — {@link Cluster}, {@link #startChain} and {@link OperatorProcess} — are public so
 * that other commands ({@code rehearse}) bring up exactly the same environment.
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
      stateDir = stateDir(options.stateDir(), "sei-cluster");
    } catch (IOException e) {
      context.fatal("cannot create the state directory: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    try (Cluster cluster = Cluster.start(stateDir, context.out());
        RunningChain chain = options.chain() == null ? null : startChain(options.chain(), context);
        OperatorProcess operator =
            options.operatorJar() == null
                ? null
                : OperatorProcess.start(
                    cluster.controlPlane(),
                    options.operatorJar(),
                    chain == null ? null : chain.url())) {
      if (operator != null) {
        context.log("OPERATOR pid=" + operator.pid() + " log=" + operator.log());
      }
      Files.writeString(options.kubeconfig(), cluster.controlPlane().kubeconfigYaml());
      context.log("READY");
      stop.await();
      return ExitCodes.OK;
    } catch (IOException | RuntimeException e) {
      context.fatal("cluster up failed: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  /** {@code requested} (created if missing), or a new temporary directory named {@code prefix…}. */
  public static Path stateDir(Path requested, String prefix) throws IOException {
    return requested != null
        ? Files.createDirectories(requested)
        : Files.createTempDirectory(prefix);
  }

  /**
   * The local control plane with the project's CRDs and the simulated kubelet, its node Ready.
   * {@link #close()} stops the kubelet, then the control plane.
   */
  public static final class Cluster implements AutoCloseable {
    private final LocalControlPlane controlPlane;
    private final SimulatedKubelet kubelet;

    private Cluster(LocalControlPlane controlPlane, SimulatedKubelet kubelet) {
      this.controlPlane = controlPlane;
      this.kubelet = kubelet;
    }

    /** Starts it all in {@code stateDir} (kubelet files under {@code kubelet/}). */
    public static Cluster start(Path stateDir, PrintStream progress) {
      LocalControlPlane cp = LocalControlPlane.start(stateDir, progress);
      SimulatedKubelet kubelet = null;
      try {
        cp.installCrds();
        kubelet =
            SimulatedKubelet.start(cp, KubeletSettings.defaults(), stateDir.resolve("kubelet"));
        Waits.until("the simulated node to be Ready", Duration.ofSeconds(60), () -> nodeReady(cp));
        return new Cluster(cp, kubelet);
      } catch (RuntimeException e) {
        if (kubelet != null) {
          kubelet.close();
        }
        cp.close();
        throw e;
      }
    }

    public LocalControlPlane controlPlane() {
      return controlPlane;
    }

    public SimulatedKubelet kubelet() {
      return kubelet;
    }

    @Override
    public void close() {
      try {
        kubelet.close();
      } finally {
        controlPlane.close();
      }
    }
  }

  /** A simulated chain on a thread of this JVM and its base URL (also the snapshot bucket). */
  public record RunningChain(RunningProcess process, String url) implements AutoCloseable {
    @Override
    public void close() {
      process.stop(Duration.ofSeconds(5));
    }
  }

  /** Starts a chain, prints {@code CHAIN <host:port>} and returns once it listens. */
  public static RunningChain startChain(ChainConfig config, SimContext context) throws IOException {
    Chain chain = new Chain(config, context);
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
