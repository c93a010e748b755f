package io.sei.operator.simulator.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Recorder's pure rules: crash headlines, Service selection, endpoint readiness. */
class RecorderTest {

  @Test
  void theHeadlineOfATerminationIsItsPanicLine() {
    String logs =
        "SEID node=abc height=38\nSEID node=abc height=39\n"
            + "panic: UPGRADE \"v6.4.0\" NEEDED at height: 40: \n\ngoroutine 1 [running]:\n";
    assertThat(Recorder.headline(logs, "Error"))
        .isEqualTo("panic: UPGRADE \"v6.4.0\" NEEDED at height: 40:");
    assertThat(Recorder.headline("ERROR halt height 5 is behind\nbye\n", "Error"))
        .isEqualTo("ERROR halt height 5 is behind");
    assertThat(Recorder.headline("HALT height=39\n", "Completed")).isEqualTo("HALT height=39");
    assertThat(Recorder.headline(null, "Completed")).isEqualTo("Completed");
    assertThat(Recorder.headline("x".repeat(500), null)).hasSize(240).endsWith("...");
  }

  @Test
  void aServiceSelectsPodsCarryingAllItsLabels() {
    Map<String, String> selector =
        Map.of(
            "sei.io/deployment", "pacific", "sei.io/revision", "r2", "sei.io/role", "production");
    Pod entrant =
        pod(
            Map.of(
                "sei.io/deployment",
                "pacific",
                "sei.io/revision",
                "r2",
                "sei.io/role",
                "production",
                "team",
                "rpc"),
            true,
            false);
    Pod incumbent =
        pod(
            Map.of(
                "sei.io/deployment",
                "pacific",
                "sei.io/revision",
                "r1",
                "sei.io/role",
                "production"),
            true,
            false);
    assertThat(Recorder.selects(selector, entrant)).isTrue();
    assertThat(Recorder.selects(selector, incumbent)).isFalse();
  }

  @Test
  void aReadyEndpointIsAReadyPodThatIsNotTerminating() {
    assertThat(Recorder.ready(pod(Map.of(), true, false))).isTrue();
    assertThat(Recorder.ready(pod(Map.of(), false, false))).isFalse();
    assertThat(Recorder.ready(pod(Map.of(), true, true))).as("terminating").isFalse();
  }

  private static Pod pod(Map<String, String> labels, boolean ready, boolean terminating) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .withLabels(labels)
        .withDeletionTimestamp(terminating ? "2026-11-22T13:00:00Z" : null)
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .endStatus()
        .build();
  }
}
