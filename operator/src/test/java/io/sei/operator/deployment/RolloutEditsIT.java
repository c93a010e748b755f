package io.sei.operator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.Labels;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Groups;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Edits during a rollout, after its traffic switch, keep the group Service on live nodes. */
@WithLocalControlPlane(podSecurity = "restricted")
class RolloutEditsIT {
  private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(3);

  private SimChain chain;
  private OperatorUnderTest operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void rollingBackAfterTheTrafficSwitchRollsForwardAndTheServiceNeverSelectsDeletedNodes(
      LocalCluster cluster) throws Exception {
    chain = new SimChain(50, List.of(), 5);
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Groups.create(
        cluster,
        "grp",
        1,
        new UpdateStrategy().withType(UpdateStrategyType.BlueGreen),
        null,
        Nodes.following(chain, "sei-sim:v1.0.0").withFullNode(new FullNodeSpec()));
    SeiNodeDeployment ready =
        Groups.awaitPhase(cluster, "grp", DeploymentPhase.Ready, null, ROLLOUT_TIMEOUT);
    String v1 = ready.getStatus().getTemplateHash();

    Groups.editTemplate(cluster, "grp", spec -> spec.setImage("sei-sim:v1.1.0"));
    await("the rollout's switch-traffic done")
        .atMost(ROLLOUT_TIMEOUT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> switched(Groups.get(cluster, "grp")));
    Groups.editTemplate(cluster, "grp", spec -> spec.setImage("sei-sim:v1.0.0"));

    await("the edit back supersedes the switched rollout")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                StatusConditions.find(
                        Groups.get(cluster, "grp").getStatus().getConditions(),
                        Conditions.ROLLOUT_IN_PROGRESS)
                    .filter(c -> Conditions.REASON_ROLLOUT_SUPERSEDED.equals(c.getReason()))
                    .isPresent());
    SeiNodeDeployment back =
        await("SeiNodeDeployment grp Ready on its first revision again")
            .atMost(ROLLOUT_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> Groups.get(cluster, "grp"),
                snd ->
                    snd.getStatus().getPhase() == DeploymentPhase.Ready
                        && snd.getStatus().getPlan() == null
                        && v1.equals(snd.getStatus().getTemplateHash()));

    List<String> incumbents = back.getStatus().getIncumbentNodes();
    assertThat(incumbents)
        .as("fresh nodes of the first revision, neither the originals nor the entrants")
        .doesNotContainAnyElementsOf(ready.getStatus().getIncumbentNodes());
    for (String name : incumbents) {
      assertThat(Nodes.get(cluster, name).getStatus().getPhase()).isEqualTo(NodePhase.Running);
    }
    assertThat(
            cluster
                .client()
                .services()
                .inNamespace(cluster.namespace())
                .withName("grp")
                .get()
                .getSpec()
                .getSelector())
        .containsEntry(Labels.REVISION, v1);
    await("the group's SeiNodes are exactly its incumbents")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .client()
                            .resources(SeiNode.class)
                            .inNamespace(cluster.namespace())
                            .withLabel(Labels.DEPLOYMENT, "grp")
                            .list()
                            .getItems()
                            .stream()
                            .map(n -> n.getMetadata().getName()))
                    .containsExactlyInAnyOrderElementsOf(incumbents));
  }

  private static boolean switched(SeiNodeDeployment snd) {
    return snd.getStatus() != null
        && snd.getStatus().getPlan() != null
        && snd.getStatus().getPlan().getTasks().stream()
            .anyMatch(
                (PlannedTask t) ->
                    t.getType().equals("switch-traffic") && t.getStatus() == TaskStatus.Complete);
  }
}
