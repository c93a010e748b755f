package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A SeiNode from creation to Running, with the operator in-process and pods simulated. */
@WithLocalControlPlane(podSecurity = "restricted")
class SeiNodeLifecycleIT {
  private static final String IMAGE = "sei-sim:v1.0.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimChain chain;
  private OperatorUnderTest operator;

  @BeforeEach
  void startChain() throws Exception {
    chain = new SimChain(50, List.of(), 5);
    await("the chain past its first snapshots")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> chain.height() >= 10);
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    chain.close();
  }

  @Test
  void aFailedInitIsPlannedAgainOnceTheSpecIsFixedKeepingTheNodeAndItsVolume(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    // No snapshot at or below height 1: snapshot-restore fails the init plan.
    Nodes.create(cluster, "fixme", Nodes.fullNodeFromSnapshot(chain, IMAGE, 1, null));
    SeiNode failed = Nodes.awaitPhase(cluster, "fixme", NodePhase.Failed);
    String volume = claimUid(cluster, "fixme-data");

    Nodes.editSpec(
        cluster, "fixme", spec -> spec.getFullNode().getSnapshot().getS3().setTargetHeight(0L));
    // Still Failed until the edit is seen: no fail-fast on Failed here.
    SeiNode running =
        await("SeiNode fixme Running after the fix")
            .atMost(Nodes.PLAN_TIMEOUT)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> Nodes.get(cluster, "fixme"),
                n -> n.getStatus() != null && n.getStatus().getPhase() == NodePhase.Running);

    assertThat(running.getMetadata().getUid()).isEqualTo(failed.getMetadata().getUid());
    assertThat(claimUid(cluster, "fixme-data")).as("the same data volume").isEqualTo(volume);
    assertThat(Nodes.condition(running, Conditions.INITIALIZED).orElseThrow().getReason())
        .isEqualTo(Conditions.REASON_INIT_COMPLETE);
  }

  private static String claimUid(LocalCluster cluster, String claim) {
    return cluster
        .client()
        .persistentVolumeClaims()
        .inNamespace(cluster.namespace())
        .withName(claim)
        .get()
        .getMetadata()
        .getUid();
  }

  @Test
  void aFullNodeRestoringASnapshotReachesRunningAndFollowsTheChain(LocalCluster cluster)
      throws Exception {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    long created = System.nanoTime();
    Nodes.create(cluster, "full", Nodes.fullNodeFromSnapshot(chain, IMAGE, 1_000_000, null));

    SeiNode node = Nodes.awaitPhase(cluster, "full", NodePhase.Running);
    long millis = Duration.ofNanos(System.nanoTime() - created).toMillis();
    System.out.printf("FIGURE time-to-Running (S3 snapshot, init plan): %d ms%n", millis);

    assertThat(node.getStatus().getPlan()).as("plan cleared").isNull();
    assertThat(node.getStatus().getPlanProgress()).isNull();
    assertThat(node.getStatus().getCurrentImage()).isEqualTo(IMAGE);
    assertThat(StatusConditions.find(node.getStatus().getConditions(), Conditions.SIDECAR_READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo(Conditions.TRUE));
    assertThat(operator.health("/healthz")).isEqualTo(200);
    assertThat(operator.health("/readyz")).isEqualTo(200);
    assertThat(operator.metrics())
        .contains("sei_plan_duration_seconds_count{outcome=\"complete\",type=\"init\"} 1")
        .contains("sei_nodes{phase=\"Running\"} 1")
        .contains("sei_active_plans 0")
        .contains("sei_reconcile_seconds_count{kind=\"seinode\"}");
    Pod pod = cluster.client().pods().inNamespace(cluster.namespace()).withName("full-0").get();
    String rpc = "http://" + pod.getStatus().getPodIP() + ":26657";
    await("seid in the pod follows the chain")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> SimChain.latestHeight(rpc) >= 10);
  }

  @Test
  void theProxyRefusesCallsWithoutTheGrantWhileTheOperatorsCallsPass(LocalCluster cluster)
      throws Exception {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "gated", Nodes.following(chain, IMAGE).withFullNode(new FullNodeSpec()));
    SeiNode node = Nodes.awaitPhase(cluster, "gated", NodePhase.Running);
    assertThat(node.getStatus().getResolvedPeers()).containsExactly(chain.peer());
    Pod pod = cluster.client().pods().inNamespace(cluster.namespace()).withName("gated-0").get();
    URI tasks = URI.create("http://" + pod.getStatus().getPodIP() + ":8443/v0/tasks");
    String body = "{\"type\":\"mark-ready\",\"params\":{}}";

    assertThat(post(tasks, null, body)).as("no token").isEqualTo(401);
    assertThat(post(tasks, OperatorUnderTest.strangerToken(cluster), body))
        .as("a token without create on seinodetasks")
        .isEqualTo(403);
    assertThat(post(tasks, operator.token(), body)).as("the operator's token").isEqualTo(201);
  }

  @Test
  void aMarkReadyReapplyThatFailsSaysWhyAndIsNotRetriedBeforeTheCooldown(LocalCluster cluster)
      throws Exception {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "sick", Nodes.following(chain, IMAGE).withFullNode(new FullNodeSpec()));
    Nodes.awaitPhase(cluster, "sick", NodePhase.Running);
    // The new pod's sidecar will fail every mark-ready (the simulator's faults file on the volume).
    Files.writeString(
        cluster.claimDirectory("sick-data").resolve("sim-faults.json"),
        "{\"sidecar\":{\"failTaskTypes\":[\"mark-ready\"]}}");
    cluster.client().pods().inNamespace(cluster.namespace()).withName("sick-0").delete();

    String failedOnce =
        "sei_plan_duration_seconds_count{outcome=\"failed\",type=\"mark-ready-reapply\"} 1\n";
    SeiNode failed =
        await("SidecarReady=False/MarkReadyFailed after a failed re-apply")
            .atMost(Nodes.PLAN_TIMEOUT)
            .until(
                () -> Nodes.get(cluster, "sick"),
                n ->
                    Nodes.condition(n, Conditions.SIDECAR_READY)
                        .filter(c -> Conditions.REASON_MARK_READY_FAILED.equals(c.getReason()))
                        .isPresent());
    assertThat(operator.metrics()).contains(failedOnce);
    assertThat(Nodes.condition(failed, Conditions.SIDECAR_READY).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo(Conditions.FALSE);
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_MARK_READY_FAILED);
              assertThat(c.getMessage())
                  .contains("mark-ready")
                  .endsWith("mark-ready is re-applied after 30 s");
            });
    // The event is emitted right after the status write that recorded the failure.
    await("a PlanFailed event of the re-apply")
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> Nodes.eventMessages(cluster, "PlanFailed"),
            messages -> messages.stream().anyMatch(m -> m.startsWith("mark-ready-reapply plan ")));
    await("no other re-apply within 4 s (the cooldown is 30 s)")
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(
            operator::metrics,
            m ->
                m.contains(failedOnce)
                    && !m.contains("outcome=\"failed\",type=\"mark-ready-reapply\"} 2"));
    assertThat(Nodes.get(cluster, "sick").getStatus().getPlan())
        .as("no plan during the cooldown")
        .isNull();
  }

  @Test
  void aPodRestartedBehindTheOperatorsBackGetsItsSidecarMarkedReadyAgain(LocalCluster cluster)
      throws Exception {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(cluster, "heal", Nodes.following(chain, IMAGE).withFullNode(new FullNodeSpec()));
    Nodes.awaitPhase(cluster, "heal", NodePhase.Running);
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    String oldUid = pods.withName("heal-0").get().getMetadata().getUid();

    pods.withName("heal-0").delete();

    await("a mark-ready-reapply plan completed for the new pod")
        .atMost(Nodes.PLAN_TIMEOUT)
        .until(
            operator::metrics,
            m ->
                m.contains(
                    "sei_plan_duration_seconds_count{outcome=\"complete\",type=\"mark-ready-reapply\"} 1"));
    Pod pod = pods.withName("heal-0").get();
    assertThat(pod.getMetadata().getUid()).isNotEqualTo(oldUid);
    assertThat(Nodes.condition(Nodes.get(cluster, "heal"), Conditions.SIDECAR_READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo(Conditions.TRUE));
    // The sidecar keeps its tasks on the data volume: the new pod's sidecar still knows the init
    // plan's mark-ready as completed, so only a new id could make it ready again.
    JsonNode tasks =
        JSON.readTree(
            get(
                URI.create("http://" + pod.getStatus().getPodIP() + ":8443/v0/tasks"),
                operator.token()));
    List<JsonNode> markReady = new ArrayList<>();
    tasks.forEach(t -> markReady.add(t));
    assertThat(markReady)
        .filteredOn(t -> t.path("type").asText().equals("mark-ready"))
        .as("mark-ready tasks the restarted sidecar knows: the init plan's and a new one")
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.path("status").asText()).isEqualTo("completed"))
        .extracting(t -> t.path("id").asText())
        .doesNotHaveDuplicates();
    String rpc = "http://" + pod.getStatus().getPodIP() + ":26657";
    await("seid in the new pod, released by its sidecar, follows the chain")
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> SimChain.latestHeight(rpc) > 0);
  }

  @Test
  void withLeaderElectionTheOperatorHoldsTheLeaseAndReconciles(LocalCluster cluster) {
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()), true);
    Nodes.create(cluster, "led", Nodes.following(chain, IMAGE).withFullNode(new FullNodeSpec()));

    Nodes.awaitPhase(cluster, "led", NodePhase.Running);

    Lease lease =
        cluster.client().leases().inNamespace(cluster.namespace()).withName("sei-operator").get();
    assertThat(lease).as("Lease sei-operator").isNotNull();
    assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
  }

  private static String get(URI uri, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
    return response.body();
  }

  private static int post(URI uri, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
