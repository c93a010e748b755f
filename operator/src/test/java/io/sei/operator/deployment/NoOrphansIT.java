package io.sei.operator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Groups;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import io.sei.operator.testing.StatusRace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every SeiNode a deployment owns is in its status: a user's second edit lands between the
 * operator's decision and its status write, so the API server answers that write with a real 409,
 * and the names the lost decision derived from the old generation must never have been created.
 */
@WithLocalControlPlane(podSecurity = "restricted")
class NoOrphansIT {
  private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(3);
  private static final String STATUS = "/seinodedeployments/grp/status";

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
  void aConflictOnTheFirstStatusWriteRacedByAnEditLeavesNoNodeOutsideTheStatus(LocalCluster cluster)
      throws Exception {
    StatusRace race =
        new StatusRace(STATUS, body -> body.contains("incumbentNodes"), () -> bump(cluster));
    start(cluster, race);

    Groups.create(cluster, "grp", 1, blueGreen(), null, template("sei-sim:v1.0.0"));

    SeiNodeDeployment ready =
        Groups.awaitPhase(cluster, "grp", DeploymentPhase.Ready, null, ROLLOUT_TIMEOUT);
    assertThat(race.answer()).as("the raced status write").contains(409);
    assertOnlyListedNodes(cluster, ready);
    assertThat(ready.getStatus().getIncumbentNodes()).containsExactly("grp-g2-0");
  }

  @Test
  void aConflictOnTheWriteOfANewRolloutRacedByAnEditLeavesNoEntrantOutsideTheStatus(
      LocalCluster cluster) throws Exception {
    StatusRace race =
        new StatusRace(STATUS, body -> body.contains("create-entrant-nodes"), () -> bump(cluster));
    start(cluster, race);
    Groups.create(cluster, "grp", 1, blueGreen(), null, template("sei-sim:v1.0.0"));
    SeiNodeDeployment ready =
        Groups.awaitPhase(cluster, "grp", DeploymentPhase.Ready, null, ROLLOUT_TIMEOUT);

    Groups.editTemplate(cluster, "grp", spec -> spec.setImage("sei-sim:v1.1.0"));
    SeiNodeDeployment upgraded =
        Groups.awaitPhase(
            cluster,
            "grp",
            DeploymentPhase.Ready,
            ready.getStatus().getTemplateHash(),
            ROLLOUT_TIMEOUT);

    assertThat(race.answer()).as("the raced status write").contains(409);
    assertOnlyListedNodes(cluster, upgraded);
    long generation = Groups.get(cluster, "grp").getMetadata().getGeneration();
    assertThat(upgraded.getStatus().getIncumbentNodes())
        .as("the entrants of the edit that won")
        .containsExactly("grp-g" + generation + "-0");
    assertThat(Nodes.get(cluster, "grp-g" + generation + "-0").getSpec().getImage())
        .isEqualTo("sei-sim:v1.2.0");
  }

  private void start(LocalCluster cluster, StatusRace race) throws Exception {
    chain = new SimChain(50, List.of(), 5);
    operator =
        OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()), false, race);
  }

  private io.sei.operator.api.SeiNodeSpec template(String image) {
    return Nodes.following(chain, image).withFullNode(new FullNodeSpec());
  }

  private static UpdateStrategy blueGreen() {
    return new UpdateStrategy().withType(UpdateStrategyType.BlueGreen);
  }

  /** The user's racing edit, as the admin: a new template image, so a new generation. */
  private static void bump(LocalCluster cluster) {
    Groups.editTemplate(cluster, "grp", spec -> spec.setImage(next(spec.getImage())));
  }

  private static String next(String image) {
    return image.equals("sei-sim:v1.0.0") ? "sei-sim:v1.0.1" : "sei-sim:v1.2.0";
  }

  /** The SeiNodes labelled with the group are exactly its incumbents, once teardown is done. */
  private static void assertOnlyListedNodes(LocalCluster cluster, SeiNodeDeployment snd) {
    List<String> incumbents = snd.getStatus().getIncumbentNodes();
    await("the group's SeiNodes are exactly its incumbents " + incumbents)
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
                            .filter(n -> n.getMetadata().getDeletionTimestamp() == null)
                            .map(n -> n.getMetadata().getName()))
                    .containsExactlyInAnyOrderElementsOf(incumbents));
  }
}
