package io.sei.operator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.cluster.KeyHolders;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Groups;
import io.sei.operator.testing.Keys;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rollouts of a signing validator group break before they make: a pod watch proves that no two pods
 * ever mounted the signing key at once, the validator signs before and after, and the chain records
 * no double-sign evidence.
 */
@WithLocalControlPlane(podSecurity = "restricted")
class ValidatorRolloutIT {
  private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(3);
  private static final String SIGNING_KEY = "val-signing-key";
  private static final String NODE_KEY = "val-node-key";

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
  void aBlueGreenRolloutHandsTheKeyOverOnlyOnceTheIncumbentPodIsGone(LocalCluster cluster)
      throws Exception {
    chain = new SimChain(50, List.of(), 5);
    start(cluster);
    SeiNodeSpec template =
        Nodes.withKeys(Nodes.observer(chain, "sei-sim:v1.0.0"), SIGNING_KEY, NODE_KEY);
    Groups.create(
        cluster,
        "val",
        1,
        new UpdateStrategy().withType(UpdateStrategyType.BlueGreen),
        null,
        template);

    try (KeyHolders holders = new KeyHolders(cluster.client(), cluster.namespace(), SIGNING_KEY)) {
      SeiNodeDeployment ready = rolledOut(cluster, null);
      String incumbent = ready.getStatus().getIncumbentNodes().get(0);
      awaitSigning();

      Groups.editTemplate(cluster, "val", spec -> spec.setImage("sei-sim:v1.1.0"));
      SeiNodeDeployment upgraded = rolledOut(cluster, ready.getStatus().getTemplateHash());

      String entrant = upgraded.getStatus().getIncumbentNodes().get(0);
      assertHandedOver(cluster, holders, incumbent, entrant);
    }
  }

  @Test
  void aHardForkBootstrapsAKeylessEntrantAndHandsItTheKeyAfterTheIncumbentStopped(
      LocalCluster cluster) throws Exception {
    long haltHeight = 200;
    chain = new SimChain(50, List.of(Upgrade.parse("v2.0.0@" + haltHeight)), 5);
    awaitFirstSnapshots();
    start(cluster);
    Groups.create(cluster, "val", 1, hardFork(haltHeight), null, snapshotValidator());

    try (KeyHolders holders = new KeyHolders(cluster.client(), cluster.namespace(), SIGNING_KEY)) {
      SeiNodeDeployment ready = rolledOut(cluster, null);
      String incumbent = ready.getStatus().getIncumbentNodes().get(0);
      awaitSigning();

      Groups.editTemplate(cluster, "val", spec -> spec.setImage("sei-sim:v2.0.0"));
      SeiNodeDeployment upgraded = rolledOut(cluster, ready.getStatus().getTemplateHash());

      String entrant = upgraded.getStatus().getIncumbentNodes().get(0);
      assertThat(Nodes.get(cluster, entrant).getStatus().getCurrentImage())
          .isEqualTo("sei-sim:v2.0.0");
      await("the entrant carries the chain past the upgrade")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> chain.height() > haltHeight);
      assertHandedOver(cluster, holders, incumbent, entrant);
    }
  }

  @Test
  void aHardForkWhoseNewBinaryCrashesFailsWithTheKeyStillOnlyOnTheIncumbent(LocalCluster cluster)
      throws Exception {
    long haltHeight = 120;
    // The network moves past the upgrade on its own, so a binary without the handler panics there.
    chain = new SimChain(50, List.of(Upgrade.parse("v2.0.0@" + haltHeight)), 5, 0L);
    awaitFirstSnapshots();
    start(cluster);
    Groups.create(cluster, "val", 1, hardFork(haltHeight), null, snapshotValidator());

    try (KeyHolders holders = new KeyHolders(cluster.client(), cluster.namespace(), SIGNING_KEY)) {
      SeiNodeDeployment ready = rolledOut(cluster, null);
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
          .hasValueSatisfying(c -> assertThat(c.getMessage()).contains("await-nodes-running"));
      String entrant = degraded.getStatus().getDeployment().getEntrantNodes().get(0);
      SeiNode failed = Nodes.get(cluster, entrant);
      assertThat(failed.getSpec().getValidator().getSigningKey())
          .as("the failed entrant never got the key")
          .isNull();
      assertThat(Nodes.get(cluster, incumbent).getSpec().getValidator().getSigningKey())
          .as("the incumbent keeps it")
          .isNotNull();
      assertThat(holders.mostAtOnce()).as(holders.history()).isEqualTo(1);
      assertThat(holders.holding())
          .as(holders.history())
          .allSatisfy(pod -> assertThat(pod).startsWith(incumbent + "-"));
      assertThat(chain.evidence()).as("double-sign evidence").isEmpty();
    }
  }

  private void start(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.secret(cluster, SIGNING_KEY, Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY);
    Nodes.secret(cluster, NODE_KEY, Keys.NODE_KEY_FILE, Keys.NODE_KEY);
  }

  private void awaitFirstSnapshots() {
    await("the chain's first snapshots")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> chain.height() >= 10);
  }

  /** A signing validator restoring the chain's latest snapshot. */
  private SeiNodeSpec snapshotValidator() {
    SnapshotSource snapshot =
        new SnapshotSource()
            .withS3(new S3Snapshot().withTargetHeight(1_000_000L))
            .withTrustPeriod("168h");
    return Nodes.withKeys(
        Nodes.following(chain, "sei-sim:v1.0.0")
            .withValidator(new ValidatorSpec().withSnapshot(snapshot)),
        SIGNING_KEY,
        NODE_KEY);
  }

  private static UpdateStrategy hardFork(long haltHeight) {
    return new UpdateStrategy()
        .withType(UpdateStrategyType.HardFork)
        .withHardFork(new HardForkStrategy().withHaltHeight(haltHeight));
  }

  private static SeiNodeDeployment rolledOut(LocalCluster cluster, String fromHash) {
    return Groups.awaitPhase(cluster, "val", DeploymentPhase.Ready, fromHash, ROLLOUT_TIMEOUT);
  }

  /** The validator's key signs blocks (the count the chain recorded grows). */
  private void awaitSigning() throws Exception {
    long before = chain.signatures(Keys.SIGNER_ADDRESS);
    await("the validator signs")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> chain.signatures(Keys.SIGNER_ADDRESS) > before + 5);
  }

  private void assertHandedOver(
      LocalCluster cluster, KeyHolders holders, String incumbent, String entrant) throws Exception {
    assertThat(Nodes.get(cluster, incumbent)).as("incumbent torn down").isNull();
    SeiNode node = Nodes.get(cluster, entrant);
    assertThat(node.getSpec().getValidator().getSigningKey().getSecret().getSecretName())
        .isEqualTo(SIGNING_KEY);
    assertThat(node.getStatus().getSigningKeyMountedSecret()).isEqualTo(SIGNING_KEY);
    awaitSigning();
    assertThat(holders.mostAtOnce())
        .as("pods holding the key at once:%n%s", holders.history())
        .isEqualTo(1);
    assertThat(holders.holders())
        .as(holders.history())
        .anySatisfy(pod -> assertThat(pod).startsWith(incumbent + "-"))
        .anySatisfy(pod -> assertThat(pod).startsWith(entrant + "-"));
    assertThat(chain.evidence()).as("double-sign evidence").isEmpty();
  }
}
