package io.sei.operator.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwaitNodesRunningTest {
  @Test
  void aLogTailTerminationMessageIsQuotedByItsPanicLineNotItsFirstLine() {
    String tail =
        "SEID start version=v6.4.0 home=/sei\n"
            + "SIDECAR ready\n"
            + "panic: simulated crash applying upgrade \"v6.4.0\" at height 80 (fault"
            + " crashOnUpgrade)\n"
            + "SEID stopped height=79\n";

    assertThat(AwaitNodesRunning.panicLine(tail))
        .isEqualTo(
            "panic: simulated crash applying upgrade \"v6.4.0\" at height 80 (fault"
                + " crashOnUpgrade)");
  }

  @Test
  void withoutAPanicTheLastLineSaysHowItEnded() {
    assertThat(AwaitNodesRunning.panicLine("SEID start\nexit: killed\n\n"))
        .isEqualTo("exit: killed");
    assertThat(AwaitNodesRunning.panicLine("  ")).isEmpty();
  }
}
