package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Keys;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.PodUids;
import io.sei.operator.testing.SimChain;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drift on a Running node: one node-update plan, one pod cycle, observers stamp the status. */
@WithLocalControlPlane(podSecurity = "restricted")
class NodeUpdateIT {
  private static final String V1 = "sei-sim:v1.0.0";
  private static final String V2 = "sei-sim:v1.1.0";

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
  void imageDriftRollsThePodExactlyOnceAndStampsTheCurrentImage(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "rpc", Nodes.following(chain, V1).withFullNode(new FullNodeSpec()));
    Nodes.awaitPhase(cluster, "rpc", NodePhase.Running);

    try (PodUids pods = new PodUids(cluster, "rpc-0")) {
      Nodes.editSpec(cluster, "rpc", spec -> spec.setImage(V2));
      SeiNode node = awaitUpdateComplete(cluster, "rpc");

      assertThat(node.getStatus().getCurrentImage()).isEqualTo(V2);
      assertThat(node.getStatus().getPhase()).isEqualTo(NodePhase.Running);
      assertThat(seid(runningPod(cluster, "rpc-0")).getImage()).isEqualTo(V2);
      assertThat(pods.count()).as("pods named rpc-0: the old one and exactly one new").isEqualTo(2);
    }
  }

  @Test
  void signingKeyDriftOnAnObserverMountsTheKeyWithOnePodCycleAndThenWritesNothing(
      LocalCluster cluster) throws Exception {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "val", Nodes.observer(chain, V1));
    Nodes.awaitPhase(cluster, "val", NodePhase.Running);
    Nodes.secret(cluster, "val-signing-key", Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY);
    Nodes.secret(cluster, "val-node-key", Keys.NODE_KEY_FILE, Keys.NODE_KEY);

    try (PodUids pods = new PodUids(cluster, "val-0")) {
      Nodes.editSpec(cluster, "val", NodeUpdateIT::withKeys);
      SeiNode node = awaitUpdateComplete(cluster, "val");

      assertThat(node.getStatus().getSigningKeyMountedSecret()).isEqualTo("val-signing-key");
      assertThat(Nodes.condition(node, Conditions.SIGNING_KEY_READY))
          .hasValueSatisfying(
              c -> {
                assertThat(c.getStatus()).isEqualTo(Conditions.TRUE);
                assertThat(c.getReason()).isEqualTo(Conditions.REASON_SIGNING_KEY_VALIDATED);
              });
      assertThat(pods.count()).as("one pod cycle").isEqualTo(2);
    }
    Pod pod = runningPod(cluster, "val-0");
    Volume keyVolume =
        pod.getSpec().getVolumes().stream()
            .filter(
                v ->
                    v.getSecret() != null
                        && "val-signing-key".equals(v.getSecret().getSecretName()))
            .findFirst()
            .orElseThrow();
    assertThat(keyVolume.getSecret().getItems())
        .singleElement()
        .satisfies(i -> assertThat(i.getKey()).isEqualTo(Keys.SIGNING_KEY_FILE));
    assertThat(keyVolume.getSecret().getDefaultMode()).isEqualTo(0400);
    VolumeMount mount =
        seid(pod).getVolumeMounts().stream()
            .filter(m -> m.getName().equals(keyVolume.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(mount.getMountPath()).isEqualTo("/sei/config/priv_validator_key.json");
    assertThat(mount.getSubPath()).isEqualTo(Keys.SIGNING_KEY_FILE);
    await("the node signs blocks with the mounted key")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> chain.signatures(Keys.SIGNER_ADDRESS) > 0);

    String version = Nodes.get(cluster, "val").getMetadata().getResourceVersion();
    await("the SeiNode's resourceVersion unchanged through 4 s of periodic reconciles (1 s poll)")
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> Nodes.get(cluster, "val").getMetadata().getResourceVersion(), version::equals);
  }

  @Test
  void imageAndSigningKeyDriftInOneEditCycleThePodOnceAndStampBoth(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "val", Nodes.observer(chain, V1));
    Nodes.awaitPhase(cluster, "val", NodePhase.Running);
    Nodes.secret(cluster, "val-signing-key", Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY);
    Nodes.secret(cluster, "val-node-key", Keys.NODE_KEY_FILE, Keys.NODE_KEY);

    try (PodUids pods = new PodUids(cluster, "val-0")) {
      Nodes.editSpec(
          cluster,
          "val",
          spec -> {
            withKeys(spec);
            spec.setImage(V2);
          });
      SeiNode node = awaitUpdateComplete(cluster, "val");

      assertThat(node.getStatus().getCurrentImage()).isEqualTo(V2);
      assertThat(node.getStatus().getSigningKeyMountedSecret()).isEqualTo("val-signing-key");
      assertThat(pods.count()).as("one pod cycle for both drifts").isEqualTo(2);
    }
    assertThat(Nodes.eventMessages(cluster, "PlanStarted"))
        .as("one node-update plan, classified as both drifts")
        .filteredOn(m -> m.startsWith("node-update:"))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("node-update:image+signing-key plan"));
  }

  @Test
  void aMissingSigningKeySecretIsNotReadyAndThePodIsNotCycled(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "val", Nodes.observer(chain, V1));
    Nodes.awaitPhase(cluster, "val", NodePhase.Running);

    try (PodUids pods = new PodUids(cluster, "val-0")) {
      Nodes.editSpec(cluster, "val", NodeUpdateIT::withKeys);
      SeiNode node = awaitUpdateFailed(cluster, "val");

      assertThat(Nodes.condition(node, Conditions.SIGNING_KEY_READY))
          .hasValueSatisfying(
              c -> {
                assertThat(c.getStatus()).isEqualTo(Conditions.FALSE);
                assertThat(c.getReason()).isEqualTo(Conditions.REASON_SIGNING_KEY_NOT_READY);
                assertThat(c.getMessage()).contains("val-signing-key does not exist");
              });
      assertThat(node.getStatus().getSigningKeyMountedSecret()).isNull();
      assertThat(node.getStatus().getPhase()).isEqualTo(NodePhase.Running);
      assertThat(pods.count()).as("pod not cycled").isEqualTo(1);
    }
  }

  @Test
  void aMalformedSigningKeyIsInvalidAndThePodIsNotCycled(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "val", Nodes.observer(chain, V1));
    Nodes.awaitPhase(cluster, "val", NodePhase.Running);
    Nodes.secret(cluster, "val-signing-key", Keys.SIGNING_KEY_FILE, "{\"address\":\"A0B1\"}");
    Nodes.secret(cluster, "val-node-key", Keys.NODE_KEY_FILE, Keys.NODE_KEY);

    try (PodUids pods = new PodUids(cluster, "val-0")) {
      Nodes.editSpec(cluster, "val", NodeUpdateIT::withKeys);
      SeiNode node = awaitUpdateFailed(cluster, "val");

      assertThat(Nodes.condition(node, Conditions.SIGNING_KEY_READY))
          .hasValueSatisfying(
              c -> {
                assertThat(c.getStatus()).isEqualTo(Conditions.FALSE);
                assertThat(c.getReason()).isEqualTo(Conditions.REASON_SIGNING_KEY_INVALID);
                assertThat(c.getMessage()).contains("pub_key.type").doesNotContain("A0B1");
              });
      assertThat(node.getStatus().getSigningKeyMountedSecret()).isNull();
      assertThat(pods.count()).as("pod not cycled").isEqualTo(1);
    }
  }

  @Test
  void anUpdateToAnImageThatCannotBePulledFailsNamingTheCause(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "rpc", Nodes.following(chain, V1).withFullNode(new FullNodeSpec()));
    Nodes.awaitPhase(cluster, "rpc", NodePhase.Running);

    Nodes.editSpec(cluster, "rpc", spec -> spec.setImage("registry.invalid/seid:v9"));
    SeiNode node = awaitUpdateFailed(cluster, "rpc");

    assertThat(Nodes.condition(node, Conditions.NODE_UPDATE_IN_PROGRESS).orElseThrow().getMessage())
        .contains("observe-image")
        .contains("seid cannot start: ErrImagePull");
    assertThat(node.getStatus().getCurrentImage()).as("not stamped").isEqualTo(V1);
  }

  @Test
  void anUpdateWhoseSeidCrashLoopsFailsInsteadOfReportingComplete(LocalCluster cluster)
      throws Exception {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "rpc", Nodes.following(chain, V1).withFullNode(new FullNodeSpec()));
    Nodes.awaitPhase(cluster, "rpc", NodePhase.Running);
    // The new pod's seid panics on every start (the simulator's faults file on the volume).
    Files.writeString(
        cluster.claimDirectory("rpc-data").resolve("sim-faults.json"),
        "{\"seid\":{\"crashOnStart\":true}}");

    Nodes.editSpec(cluster, "rpc", spec -> spec.setImage(V2));
    SeiNode node = awaitUpdateFailed(cluster, "rpc");

    assertThat(Nodes.condition(node, Conditions.NODE_UPDATE_IN_PROGRESS).orElseThrow().getMessage())
        .contains("seid crash-loops")
        .contains("crashOnStart");
    assertThat(node.getStatus().getCurrentImage()).as("not stamped").isEqualTo(V1);
  }

  @Test
  void aSigningKeyUpdateWithoutItsNodeKeySecretFailsBeforeThePodIsCycled(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "val", Nodes.observer(chain, V1));
    Nodes.awaitPhase(cluster, "val", NodePhase.Running);
    Nodes.secret(cluster, "val-signing-key", Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY);

    try (PodUids pods = new PodUids(cluster, "val-0")) {
      Nodes.editSpec(cluster, "val", NodeUpdateIT::withKeys);
      SeiNode node = awaitUpdateFailed(cluster, "val");

      assertThat(Nodes.condition(node, Conditions.NODE_KEY_READY).orElseThrow().getReason())
          .isEqualTo(Conditions.REASON_NODE_KEY_NOT_READY);
      assertThat(pods.count()).as("pod not cycled").isEqualTo(1);
    }
  }

  private static void withKeys(SeiNodeSpec spec) {
    Nodes.withKeys(spec, "val-signing-key", "val-node-key");
  }

  private static SeiNode awaitUpdateComplete(LocalCluster cluster, String name) {
    return awaitUpdate(cluster, name, Conditions.REASON_UPDATE_COMPLETE);
  }

  private static SeiNode awaitUpdateFailed(LocalCluster cluster, String name) {
    return awaitUpdate(cluster, name, Conditions.REASON_UPDATE_FAILED);
  }

  private static SeiNode awaitUpdate(LocalCluster cluster, String name, String reason) {
    return await("SeiNode " + name + " NodeUpdateInProgress=False/" + reason)
        .atMost(Nodes.PLAN_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> Nodes.get(cluster, name),
            n ->
                n.getStatus().getPlan() == null
                    && Nodes.condition(n, Conditions.NODE_UPDATE_IN_PROGRESS)
                        .filter(c -> reason.equals(c.getReason()))
                        .isPresent());
  }

  private static Pod runningPod(LocalCluster cluster, String name) {
    return cluster.client().pods().inNamespace(cluster.namespace()).withName(name).get();
  }

  private static Container seid(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("seid"))
        .findFirst()
        .orElseThrow();
  }
}
