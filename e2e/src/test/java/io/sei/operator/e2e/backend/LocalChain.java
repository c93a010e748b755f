package io.sei.operator.e2e.backend;

import io.sei.operator.simulator.chain.Chain;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A simulated chain in the test's JVM, on the host's 127.0.0.1, reachable from every pod. */
final class LocalChain implements SimulatedChain {
  private static final String NODE_ID = io.sei.operator.simulator.chain.ChainConfig.DEFAULT_NODE_ID;

  private final RunningProcess running;
  private final int port;

  private LocalChain(RunningProcess running, int port) {
    this.running = running;
    this.port = port;
  }

  static LocalChain start(String name, SimulatedChain.Plan plan) {
    Chain chain =
        new Chain(
            new ChainConfig(
                "127.0.0.1:0",
                plan.blockTimeMs(),
                plan.upgrades().stream().map(Upgrade::parse).toList(),
                plan.snapshotInterval(),
                plan.resumesOnItsOwn() ? 0L : null),
            SimContext.system());
    RunningProcess running = RunningProcess.start(name, chain);
    try {
      return new LocalChain(running, chain.listening().get(30, TimeUnit.SECONDS).getPort());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.stop(Duration.ofSeconds(5));
      throw new IllegalStateException("interrupted starting chain " + name, e);
    } catch (ExecutionException | TimeoutException e) {
      running.stop(Duration.ofSeconds(5));
      throw new IllegalStateException("chain " + name + " did not start listening", e);
    }
  }

  /** The chain's base URL, which is also a snapshot bucket URL. */
  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public String peer() {
    return NODE_ID + "@127.0.0.1:" + port;
  }

  @Override
  public String get(String path) {
    return BackendHttp.get(url().resolve(path));
  }

  void stop() {
    running.stop(Duration.ofSeconds(5));
  }
}
