package io.sei.operator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.Labels;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Groups;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SeiNodeDeployment rollouts with the operator in-process. */
@WithLocalControlPlane(podSecurity = "restricted")
class SeiNodeDeploymentIT {
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
  void anInPlaceRolloutUpdatesEveryNodeThroughItsOwnNodeUpdatePlan(LocalCluster cluster)
      throws Exception {
    chain = new SimChain(50, List.of(), 5);
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    create(
        cluster,
        "rpc",
        2,
        null,
        Nodes.following(chain, "sei-sim:v1.0.0").withFullNode(new FullNodeSpec()));
    SeiNodeDeployment ready =
        Groups.awaitPhase(cluster, "rpc", DeploymentPhase.Ready, null, ROLLOUT_TIMEOUT);
    assertThat(ready.getStatus().getNodes())
        .extracting(n -> n.getPhase())
        .containsExactly(NodePhase.Running, NodePhase.Running);
    String firstRevision = ready.getStatus().getTemplateHash();

    Groups.editTemplate(cluster, "rpc", spec -> spec.setImage("sei-sim:v1.1.0"));
    SeiNodeDeployment updated =
        Groups.awaitPhase(cluster, "rpc", DeploymentPhase.Ready, firstRevision, ROLLOUT_TIMEOUT);

    assertThat(updated.getStatus().getIncumbentNodes())
        .isEqualTo(ready.getStatus().getIncumbentNodes());
    for (String name : updated.getStatus().getIncumbentNodes()) {
      assertThat(Nodes.get(cluster, name).getStatus().getCurrentImage())
          .isEqualTo("sei-sim:v1.1.0");
    }
    assertThat(
            StatusConditions.find(
                updated.getStatus().getConditions(), Conditions.ROLLOUT_IN_PROGRESS))
        .hasValueSatisfying(
            c -> assertThat(c.getReason()).isEqualTo(Conditions.REASON_ROLLOUT_COMPLETE));
  }

  @Test
  void aHardForkBootstrapsEntrantsOnTheIncumbentImageAndSwitchesTrafficBeforeTeardown(
      LocalCluster cluster) throws Exception {
    long haltHeight = 200;
    chain = new SimChain(50, List.of(Upgrade.parse("v2.0.0@" + haltHeight)), 5);
    await("the chain's first snapshots")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> chain.height() >= 10);
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    create(
        cluster,
        "val",
        1,
        new UpdateStrategy()
            .withType(UpdateStrategyType.HardFork)
            .withHardFork(new HardForkStrategy().withHaltHeight(haltHeight)),
        Nodes.fullNodeFromSnapshot(chain, "sei-sim:v1.0.0", 1_000_000, null));
    SeiNodeDeployment ready =
        Groups.awaitPhase(cluster, "val", DeploymentPhase.Ready, null, ROLLOUT_TIMEOUT);
    String incumbent = ready.getStatus().getIncumbentNodes().get(0);

    List<String> order = new CopyOnWriteArrayList<>();
    try (Watch services = watchServiceSelector(cluster, "val", order);
        Watch nodes = watchDeletion(cluster, incumbent, order)) {
      Groups.editTemplate(cluster, "val", spec -> spec.setImage("sei-sim:v2.0.0"));
      SeiNodeDeployment upgraded =
          Groups.awaitPhase(
              cluster,
              "val",
              DeploymentPhase.Ready,
              ready.getStatus().getTemplateHash(),
              ROLLOUT_TIMEOUT);

      String entrant = upgraded.getStatus().getIncumbentNodes().get(0);
      SeiNode node = Nodes.get(cluster, entrant);
      assertThat(node.getSpec().getFullNode().getSnapshot().getBootstrapImage())
          .as("bootstrap image captured from the live incumbent")
          .isEqualTo("sei-sim:v1.0.0");
      assertThat(node.getSpec().getFullNode().getSnapshot().getS3().getTargetHeight())
          .isEqualTo(haltHeight - 1);
      assertThat(node.getStatus().getCurrentImage()).isEqualTo("sei-sim:v2.0.0");
      assertThat(Nodes.get(cluster, incumbent)).as("incumbent torn down").isNull();
      await("the incumbent's retained data PVC deleted by teardown-nodes")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  cluster
                          .client()
                          .persistentVolumeClaims()
                          .inNamespace(cluster.namespace())
                          .withName(incumbent + "-data")
                          .get()
                      == null);
      await("the entrant carries the chain past the upgrade")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> chain.height() > haltHeight);
      String switched = "selector " + upgraded.getStatus().getTemplateHash();
      await("the incumbent's deletion observed")
          .atMost(Duration.ofSeconds(10))
          .until(() -> order.contains("deleted " + incumbent));
      assertThat(order).contains(switched);
      assertThat(order.indexOf(switched))
          .as("traffic switched before the incumbent was torn down: " + order)
          .isLessThan(order.indexOf("deleted " + incumbent));
    }
  }

  @Test
  void aNewBinaryCrashingAtTheUpgradeFailsTheRolloutAndLeavesIncumbentsAndEntrants(
      LocalCluster cluster) throws Exception {
    long haltHeight = 120;
    // The network moves past the upgrade on its own, so a binary without the handler panics there.
    chain = new SimChain(50, List.of(Upgrade.parse("v2.0.0@" + haltHeight)), 5, 0L);
    await("the chain's first snapshots")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> chain.height() >= 10);
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    create(
        cluster,
        "val",
        1,
        new UpdateStrategy()
            .withType(UpdateStrategyType.HardFork)
            .withHardFork(new HardForkStrategy().withHaltHeight(haltHeight)),
        Nodes.fullNodeFromSnapshot(chain, "sei-sim:v1.0.0", 1_000_000, null));
    SeiNodeDeployment ready =
        Groups.awaitPhase(cluster, "val", DeploymentPhase.Ready, null, ROLLOUT_TIMEOUT);
    String incumbent = ready.getStatus().getIncumbentNodes().get(0);

    Groups.editTemplate(cluster, "val", spec -> spec.setImage("sei-sim:v1.5.0"));
    SeiNodeDeployment degraded =
        await("SeiNodeDeployment val Degraded")
            .atMost(ROLLOUT_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> Groups.get(cluster, "val"),
                snd -> snd.getStatus().getPhase() == DeploymentPhase.Degraded);

    assertThat(
            StatusConditions.find(
                degraded.getStatus().getConditions(), Conditions.ROLLOUT_IN_PROGRESS))
        .hasValueSatisfying(
            c -> {
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_ROLLOUT_FAILED);
              assertThat(c.getMessage()).contains("await-nodes-running").contains("crash-loops");
            });
    assertThat(degraded.getStatus().getIncumbentNodes()).containsExactly(incumbent);
    assertThat(Nodes.get(cluster, incumbent)).as("incumbent kept").isNotNull();
    String entrant = degraded.getStatus().getDeployment().getEntrantNodes().get(0);
    assertThat(Nodes.get(cluster, entrant)).as("entrant left for inspection").isNotNull();
    assertThat(
            cluster
                .client()
                .services()
                .inNamespace(cluster.namespace())
                .withName("val")
                .get()
                .getSpec()
                .getSelector())
        .as("traffic stays on the incumbents")
        .containsEntry(Labels.REVISION, ready.getStatus().getTemplateHash());
  }

  private static void create(
      LocalCluster cluster, String name, int replicas, UpdateStrategy strategy, SeiNodeSpec spec) {
    Groups.create(cluster, name, replicas, strategy, null, spec);
  }

  private static Watch watchServiceSelector(LocalCluster cluster, String name, List<String> order) {
    return cluster
        .client()
        .services()
        .inNamespace(cluster.namespace())
        .withName(name)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Service service) {
                String revision = service.getSpec().getSelector().get(Labels.REVISION);
                if (!order.contains("selector " + revision)) {
                  order.add("selector " + revision);
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private static Watch watchDeletion(LocalCluster cluster, String node, List<String> order) {
    return cluster
        .client()
        .resources(SeiNode.class)
        .inNamespace(cluster.namespace())
        .withName(node)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, SeiNode seiNode) {
                if ((seiNode.getMetadata().getDeletionTimestamp() != null
                        || action == Action.DELETED)
                    && !order.contains("deleted " + node)) {
                  order.add("deleted " + node);
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }
}
