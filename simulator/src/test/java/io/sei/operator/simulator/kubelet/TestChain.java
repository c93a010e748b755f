package io.sei.operator.simulator.kubelet;

import io.sei.operator.simulator.chain.Chain;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A simulated chain on the host's 127.0.0.1, as `cluster up --chain` runs it beside the pods. */
final class TestChain implements AutoCloseable {
  private final RunningProcess running;
  private final InetSocketAddress address;

  TestChain(long blockTimeMs, List<Upgrade> upgrades) throws Exception {
    Chain chain =
        new Chain(
            new ChainConfig("127.0.0.1:0", blockTimeMs, upgrades, 5, 0L), SimContext.system());
    running = RunningProcess.start("test-chain", chain);
    address = chain.listening().get(10, TimeUnit.SECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + address.getPort();
  }

  @Override
  public void close() {
    running.stop(Duration.ofSeconds(5));
  }
}
