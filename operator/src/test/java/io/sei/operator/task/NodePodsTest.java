package io.sei.operator.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sei.operator.render.NodePod;
import org.junit.jupiter.api.Test;

class NodePodsTest {
  @Test
  void aLogTailTerminationMessageIsQuotedByItsPanicLineNotItsFirstLine() {
    String tail =
        "SEID start version=v6.4.0 home=/sei\n"
            + "SIDECAR ready\n"
            + "panic: simulated crash applying upgrade \"v6.4.0\" at height 80 (fault"
            + " crashOnUpgrade)\n"
            + "SEID stopped height=79\n";

    assertThat(NodePods.panicLine(tail))
        .isEqualTo(
            "panic: simulated crash applying upgrade \"v6.4.0\" at height 80 (fault"
                + " crashOnUpgrade)");
  }

  @Test
  void withoutAPanicTheLastLineSaysHowItEnded() {
    assertThat(NodePods.panicLine("SEID start\nexit: killed\n\n")).isEqualTo("exit: killed");
    assertThat(NodePods.panicLine("  ")).isEmpty();
  }

  private static Pod seidWaiting(String reason, String message) {
    return new PodBuilder()
        .withNewStatus()
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName(NodePod.SEID_CONTAINER)
                .withReady(false)
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withExitCode(2)
                .withMessage("SEID start\npanic: boom\n")
                .endTerminated()
                .endLastState()
                .build())
        .endStatus()
        .build();
  }

  @Test
  void anUnpullableImageOrACrashLoopIsWhySeidCannotRunAndAStartIsNot() {
    assertThat(NodePods.seidFailure(seidWaiting("ImagePullBackOff", "Back-off pulling sei:v9")))
        .contains("seid cannot start: ImagePullBackOff: Back-off pulling sei:v9");
    assertThat(NodePods.seidFailure(seidWaiting("CrashLoopBackOff", "back-off 10s")))
        .contains("seid crash-loops (exit 2: panic: boom)");
    assertThat(NodePods.seidFailure(seidWaiting("ContainerCreating", null))).isEmpty();
    assertThat(NodePods.seidReady(seidWaiting("ContainerCreating", null))).isFalse();
  }
}
