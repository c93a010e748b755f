package io.sei.operator.simulator.chain;

import static io.sei.operator.simulator.support.Sim.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.support.Sim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainNodeIdTest {
  private final Sim sim = new Sim();

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void statusAnswersTheDefaultNodeId() {
    String chain = sim.chain("--block-time-ms", "50");
    assertThat(get(chain + "/status").path("result").path("node_info").path("id").asText())
        .isEqualTo(ChainConfig.DEFAULT_NODE_ID)
        .isEqualTo("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
  }

  @Test
  void statusAnswersTheNodeIdItWasGivenInLowerCase() {
    String chain =
        sim.chain("--block-time-ms", "50", "--node-id", "ABCDEF0123ABCDEF0123ABCDEF0123ABCDEF0123");
    assertThat(get(chain + "/status").path("result").path("node_info").path("id").asText())
        .isEqualTo("abcdef0123abcdef0123abcdef0123abcdef0123");
  }

  @Test
  void aNodeIdThatIsNot40HexDigitsIsAUsageError() {
    Sim.Proc chain =
        sim.start("chain", "--listen", "127.0.0.1:0", "--block-time-ms", "50", "--node-id", "abc");
    assertThat(chain.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(chain.output()).contains("--node-id must be 40 hex digits");
  }
}
