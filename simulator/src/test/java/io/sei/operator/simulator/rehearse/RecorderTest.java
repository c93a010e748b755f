package io.sei.operator.simulator.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
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

  @Test
  void aContainerEndingOnceItsPodIsDeletedWasStoppedNotCrashed() {
    Pod deleted = pod(Map.of(), false, true);
    Pod live = pod(Map.of(), false, false);
    ContainerStateTerminated afterDeletion =
        new ContainerStateTerminatedBuilder()
            .withExitCode(137)
            .withFinishedAt("2026-11-22T13:00:01.250Z")
            .build();
    ContainerStateTerminated before =
        new ContainerStateTerminatedBuilder()
            .withExitCode(2)
            .withFinishedAt("2026-11-22T12:59:58.000Z")
            .build();
    ContainerStateTerminated neverRan =
        new ContainerStateTerminatedBuilder()
            .withExitCode(137)
            .withReason("ContainerStatusUnknown")
            .build();
    assertThat(Recorder.stoppedByDeletion(deleted, afterDeletion)).isTrue();
    assertThat(Recorder.stoppedByDeletion(deleted, neverRan)).isTrue();
    assertThat(Recorder.stoppedByDeletion(deleted, before)).as("a crash before").isFalse();
    assertThat(Recorder.stoppedByDeletion(live, afterDeletion)).isFalse();
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
