package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.planner.task.TaskSide;
import io.sei.operator.planner.task.TaskType;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator restarted mid-plan resumes from status.plan. */
@WithLocalControlPlane(podSecurity = "restricted")
class OperatorRestartIT {
  private SimChain chain;
  private OperatorUnderTest operator;

  @BeforeEach
  void startChain() throws Exception {
    chain = new SimChain(50, List.of(), 5);
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    chain.close();
  }

  @Test
  void aRestartedOperatorResumesThePlanWithoutResubmittingCompletedSidecarTasks(
      LocalCluster cluster) throws Exception {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(
        cluster, "node", Nodes.following(chain, "sei-sim:v1.0.0").withFullNode(new FullNodeSpec()));

    // The sidecar holds config-validate running until the fault file on the data volume clears.
    Path faults =
        Files.createDirectories(dataDirectory(cluster, "node-data")).resolve("sim-faults.json");
    Files.writeString(faults, "{\"sidecar\":{\"hangTaskTypes\":[\"config-validate\"]}}");
    await("plan waiting on config-validate")
        .atMost(Nodes.PLAN_TIMEOUT)
        .ignoreExceptions()
        .until(
            () -> Nodes.get(cluster, "node").getStatus().getPlanProgress(),
            progress -> progress != null && progress.endsWith(" config-validate"));

    AtomicReference<List<String>> completedAtRestart = new AtomicReference<>();
    operator.restart(
        () ->
            completedAtRestart.set(
                Nodes.get(cluster, "node").getStatus().getPlan().getTasks().stream()
                    .filter(t -> t.getStatus() == TaskStatus.Complete)
                    .map(PlannedTask::getType)
                    .filter(t -> TaskType.fromWireName(t).orElseThrow().side() == TaskSide.SIDECAR)
                    .toList()));
    assertThat(completedAtRestart.get())
        .as("sidecar tasks recorded complete before the restart")
        .contains("configure-genesis", "config-apply");

    Files.writeString(faults, "{}");
    SeiNode node = Nodes.awaitPhase(cluster, "node", NodePhase.Running);
    assertThat(node.getStatus().getPlan()).isNull();

    String metrics = operator.metrics();
    List<String> submissions =
        metrics.lines().filter(l -> l.startsWith("sei_sidecar_submissions_total{")).toList();
    for (String type : completedAtRestart.get()) {
      assertThat(submissions)
          .as("resubmissions of " + type)
          .noneMatch(l -> l.contains("type=\"" + type + "\""));
    }
    assertThat(submissions)
        .as("the task running at the restart was polled, not resubmitted")
        .noneMatch(l -> l.contains("type=\"config-validate\""));
    assertThat(submissions)
        .as("the new operator submitted the rest of the plan")
        .anyMatch(l -> l.contains("type=\"mark-ready\""));
  }

  private static Path dataDirectory(LocalCluster cluster, String pvcName) {
    String volume =
        await("PVC " + pvcName + " bound")
            .atMost(Nodes.PLAN_TIMEOUT)
            .until(
                () ->
                    cluster
                        .client()
                        .persistentVolumeClaims()
                        .inNamespace(cluster.namespace())
                        .withName(pvcName)
                        .get(),
                pvc -> pvc != null && pvc.getSpec().getVolumeName() != null)
            .getSpec()
            .getVolumeName();
    return Path.of(
        cluster
            .client()
            .persistentVolumes()
            .withName(volume)
            .get()
            .getSpec()
            .getHostPath()
            .getPath());
  }
}
