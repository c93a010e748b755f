package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.DataVolumeSpec;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.ImportSpec;
import io.sei.operator.api.LabelPeers;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a node's peers and config reach seid through the sidecar's config-apply: label-selected peers
 * by their real node ids, a peer whose id cannot be had, and an override the sidecar refuses.
 */
@WithLocalControlPlane(podSecurity = "restricted")
class PeersAndConfigIT {
  private static final String IMAGE = "sei-sim:v1.0.0";

  private SimChain chain;
  private OperatorUnderTest operator;

  @BeforeEach
  void start(LocalCluster cluster) throws Exception {
    chain = new SimChain(50, List.of(), 5);
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
  }

  @AfterEach
  void stop() {
    operator.close();
    chain.close();
  }

  @Test
  void aLabelSelectedPeerIsConfiguredByItsRealNodeIdAndTheNodeFollowsTheChainThroughIt(
      LocalCluster cluster) throws Exception {
    Nodes.create(
        cluster,
        "seed",
        Nodes.following(chain, IMAGE).withFullNode(new FullNodeSpec()),
        Map.of("tier", "seed"));
    Nodes.awaitPhase(cluster, "seed", NodePhase.Running);
    String seedId = nodeId(cluster, "seed-0");

    Nodes.create(cluster, "follower", peeringBy(Map.of("tier", "seed")));
    SeiNode node = Nodes.awaitPhase(cluster, "follower", NodePhase.Running);

    String expected = seedId + "@seed." + cluster.namespace() + ".svc:26656";
    assertThat(node.getStatus().getResolvedPeers()).containsExactly(expected);
    assertThat(Nodes.condition(node, Conditions.PEERS_RESOLVED))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo(Conditions.TRUE));
    Path home = cluster.claimDirectory("follower-data");
    assertThat(new NodeHome(home).persistentPeers())
        .as("the persistent peers config-apply wrote for seid")
        .containsExactly(expected);
    String rpc = "http://" + podIp(cluster, "follower-0") + ":26657";
    long seedHeight = SimChain.latestHeight("http://" + podIp(cluster, "seed-0") + ":26657");
    await("the follower syncs through its only peer, the seed")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> SimChain.latestHeight(rpc) >= seedHeight);
  }

  @Test
  void aPeerWhoseNodeIdCannotBeHadKeepsConfigApplyWaitingWithTheReasonInTheCondition(
      LocalCluster cluster) throws Exception {
    // A SeiNode that never gets a pod: its imported PVC does not exist.
    Nodes.create(
        cluster,
        "absent",
        Nodes.following(chain, IMAGE)
            .withFullNode(new FullNodeSpec())
            .withDataVolume(
                new DataVolumeSpec().withDataImport(new ImportSpec().withPvcName("nowhere"))),
        Map.of("tier", "absent"));
    Nodes.create(cluster, "waiting", peeringBy(Map.of("tier", "absent")));

    SeiNode node =
        await("PeersResolved=False naming the peer")
            .atMost(Nodes.PLAN_TIMEOUT)
            .until(
                () -> Nodes.get(cluster, "waiting"),
                n ->
                    n.getStatus() != null
                        && Nodes.condition(n, Conditions.PEERS_RESOLVED)
                            .filter(c -> Conditions.FALSE.equals(c.getStatus()))
                            .isPresent());
    assertThat(Nodes.condition(node, Conditions.PEERS_RESOLVED).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_PEER_NODE_ID_UNAVAILABLE);
              assertThat(c.getMessage())
                  .startsWith("peer SeiNode " + cluster.namespace() + "/absent: ");
            });
    assertThat(node.getStatus().getPhase()).isEqualTo(NodePhase.Initializing);
    assertThat(node.getStatus().getPlanProgress()).endsWith(" config-apply");
    assertThat(operator.metrics())
        .as("nothing submitted while a peer is unknown")
        .doesNotContain("sei_sidecar_submissions_total{type=\"config-apply\"");
  }

  @Test
  void anOverrideTheSidecarRefusesFailsTheInitPlanNamingTheKeyWithoutALoop(LocalCluster cluster)
      throws Exception {
    Nodes.create(
        cluster,
        "bad-key",
        Nodes.following(chain, IMAGE)
            .withFullNode(new FullNodeSpec())
            .withOverrides(Map.of("no.such.key", "1")));

    SeiNode node = Nodes.awaitPhase(cluster, "bad-key", NodePhase.Failed);

    assertThat(Nodes.condition(node, Conditions.INITIALIZED).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_INIT_FAILED);
              assertThat(c.getMessage()).contains("config-apply").contains("no.such.key");
            });
    await("a PlanFailed event naming the key")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> Nodes.eventMessages(cluster, "PlanFailed"),
            events -> events.stream().anyMatch(m -> m.contains("no.such.key")));
    assertThat(operator.metrics().lines())
        .as("config-apply submitted once: a refused key is not retried")
        .filteredOn(l -> l.startsWith("sei_sidecar_submissions_total{type=\"config-apply\""))
        .singleElement()
        .asString()
        .endsWith(" 1.0");
  }

  /** A full node whose only peers are the SeiNodes labelled {@code labels}. */
  private static SeiNodeSpec peeringBy(Map<String, String> labels) {
    return new SeiNodeSpec()
        .withChainId(Nodes.CHAIN_ID)
        .withImage(IMAGE)
        .withFullNode(new FullNodeSpec())
        .withPeers(List.of(new PeerSource().withLabel(new LabelPeers().withSelector(labels))));
  }

  private static String podIp(LocalCluster cluster, String pod) {
    Pod p = cluster.client().pods().inNamespace(cluster.namespace()).withName(pod).get();
    return p.getStatus().getPodIP();
  }

  /** The node id seid reports on its RPC port. */
  private static String nodeId(LocalCluster cluster, String pod) throws Exception {
    String rpc = "http://" + podIp(cluster, pod) + ":26657";
    return await("seid of " + pod + " answers /status")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> SimChain.status(rpc).path("result").path("node_info").path("id").asText(""),
            id -> id.matches("[0-9a-f]{40}"));
  }
}
