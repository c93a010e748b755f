package io.sei.operator.testing;

import io.sei.operator.simulator.cluster.junit.LocalCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated chain (a block every 30 ms, a snapshot every 5 blocks, no upgrades) and an operator
 * for the test's namespace whose S3 endpoint it is, closed together.
 */
public record ChainAndOperator(SimChain chain, OperatorUnderTest operator)
    implements AutoCloseable {

  /**
   * @param extraEnv platform settings on top of the test defaults and the chain's endpoint
   */
  public static ChainAndOperator start(LocalCluster cluster, Map<String, String> extraEnv)
      throws Exception {
    SimChain chain = new SimChain(30, List.of(), 5);
    try {
      Map<String, String> env = new HashMap<>(extraEnv);
      env.put("SEI_S3_ENDPOINT", chain.url());
      return new ChainAndOperator(chain, OperatorUnderTest.start(cluster, env));
    } catch (RuntimeException e) {
      chain.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      operator.close();
    } finally {
      chain.close();
    }
  }
}
