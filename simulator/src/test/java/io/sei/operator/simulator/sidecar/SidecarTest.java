package io.sei.operator.simulator.sidecar;

import static io.sei.operator.simulator.support.Sim.json;
import static io.sei.operator.simulator.support.Sim.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.support.Sim;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SidecarTest {

  private static final Map<String, String> USER =
      Map.of("X-Remote-User", "system:serviceaccount:sei:operator");

  private final Sim sim = new Sim();
  @TempDir Path home;

  @AfterEach
  void stopAll() {
    sim.close();
  }

  private String sidecar(Map<String, String> env, String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "sidecar";
    args[1] = "--home";
    args[2] = home.toString();
    args[3] = "--listen=127.0.0.1:0";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return "http://" + sim.start(env, args).awaitLine("SIDECAR listening=(\\S+)");
  }

  static HttpResponse<String> post(String url, String body) {
    return request(url + "/v0/tasks", "POST", body, USER);
  }

  static JsonNode awaitTask(String url, String id, String status) {
    JsonNode[] task = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              task[0] = json(request(url + "/v0/tasks/" + id, "GET", null, USER));
              return status.equals(task[0].path("status").asText());
            });
    return task[0];
  }

  @Test
  void aTaskIdIsIdempotent201Then202WithTheSameTask() {
    String url = sidecar(Map.of());
    String body =
        "{\"id\":\"6f1c1a4e-0000-5000-8000-000000000001\",\"type\":\"configure-genesis\","
            + "\"params\":{\"chainId\":\"sei-test\",\"extra\":1}}";
    HttpResponse<String> first = post(url, body);
    HttpResponse<String> second = post(url, body);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(json(second).path("id").asText()).isEqualTo("6f1c1a4e-0000-5000-8000-000000000001");
    awaitTask(url, "6f1c1a4e-0000-5000-8000-000000000001", "completed");
    assertThat(json(request(url + "/v0/tasks", "GET", null, USER))).hasSize(1);
  }

  @Test
  void aTaskWithoutIdGetsOne() {
    String url = sidecar(Map.of());
    HttpResponse<String> created = post(url, "{\"type\":\"config-validate\",\"params\":{}}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).path("id").asText()).hasSize(36);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"reboot\",\"params\":{}}",
        "{\"type\":\"snapshot-restore\",\"params\":{\"targetHeight\":\"100\"}}",
        "{\"type\":\"snapshot-restore\",\"params\":{\"targetHeight\":-1}}",
        "{\"type\":\"config-apply\",\"params\":{\"chainId\":\"c\",\"mode\":\"miner\"}}",
        "{\"type\":\"config-apply\",\"params\":{\"chainId\":\"c\",\"mode\":\"archive\",\"overrides\":{\"a\":1}}}",
        "{\"type\":\"discover-peers\",\"params\":{\"addresses\":[\"nohost\"]}}",
        "{\"type\":\"configure-state-sync\",\"params\":{\"trustPeriod\":\"a week\",\"backfillBlocks\":1}}",
        "{\"id\":7,\"type\":\"mark-ready\",\"params\":{}}",
        "not json"
      })
  void unknownTypesAndBadParamsAre400(String body) {
    assertThat(post(sidecar(Map.of()), body).statusCode()).isEqualTo(400);
  }

  @Test
  void markReadyFlipsHealthAndStatus() {
    String url = sidecar(Map.of());
    assertThat(request(url + "/v0/healthz", "GET", null, Map.of()).statusCode()).isEqualTo(503);
    assertThat(json(request(url + "/v0/status", "GET", null, Map.of())).path("status").asText())
        .isEqualTo("Initializing");

    post(url, "{\"id\":\"r1\",\"type\":\"mark-ready\",\"params\":{}}");
    awaitTask(url, "r1", "completed");

    assertThat(request(url + "/v0/healthz", "GET", null, Map.of()).statusCode()).isEqualTo(200);
    assertThat(json(request(url + "/v0/status", "GET", null, Map.of())).path("status").asText())
        .isEqualTo("Ready");
    assertThat(request(url + "/v0/metrics", "GET", null, Map.of()).body())
        .contains("sei_sidecar_ready 1", "sei_sidecar_tasks{status=\"completed\"} 1");
  }

  @Test
  void trustedHeaderModeBindsLoopbackAndAsksForTheRemoteUserExceptOnBypassPaths() {
    Sim.Proc proc =
        sim.start(
            Map.of("SEI_SIDECAR_AUTHN_MODE", "trusted-header"),
            "sidecar",
            "--home",
            home.toString(),
            "--listen",
            "0.0.0.0:0");
    String url = "http://" + proc.awaitLine("SIDECAR listening=(\\S+)");
    assertThat(url).startsWith("http://127.0.0.1:");

    for (String path : Sidecar.BYPASS_PATHS) {
      assertThat(request(url + path, "GET", null, Map.of()).statusCode()).isIn(200, 503);
    }
    assertThat(request(url + "/v0/status", "GET", null, Map.of()).statusCode()).isEqualTo(401);
    assertThat(request(url + "/v0/tasks", "GET", null, Map.of()).statusCode()).isEqualTo(401);
    assertThat(
            request(url + "/v0/tasks", "POST", "{\"type\":\"mark-ready\"}", Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(request(url + "/v0/tasks", "GET", null, USER).statusCode()).isEqualTo(200);
  }

  @Test
  void configTasksWriteTheHomeAndValidateAgreesOnTheChainId() throws IOException {
    String url = sidecar(Map.of());
    post(url, "{\"id\":\"g\",\"type\":\"configure-genesis\",\"params\":{\"chainId\":\"sei-a\"}}");
    post(
        url,
        "{\"id\":\"c\",\"type\":\"config-apply\",\"params\":{\"chainId\":\"sei-b\",\"mode\":\"validator\","
            + "\"overrides\":{\"p2p.max\":\"10\"}}}");
    post(
        url,
        "{\"id\":\"p\",\"type\":\"discover-peers\",\"params\":{\"addresses\":[\"ab12@10.0.0.1:26656\"]}}");
    post(
        url,
        "{\"id\":\"s\",\"type\":\"configure-state-sync\",\"params\":{\"trustPeriod\":\"168h0m0s\",\"backfillBlocks\":10}}");
    for (String id : new String[] {"g", "c", "p", "s"}) {
      awaitTask(url, id, "completed");
    }
    assertThat(Files.readString(home.resolve("config/genesis.json"))).contains("sei-a");
    assertThat(Files.readString(home.resolve("config/app-config.json")))
        .contains("validator", "p2p.max");
    assertThat(Files.readString(home.resolve("config/peers.json"))).contains("ab12@10.0.0.1:26656");
    assertThat(Files.readString(home.resolve("config/state-sync.json"))).contains("168h0m0s");

    post(url, "{\"id\":\"v1\",\"type\":\"config-validate\",\"params\":{}}");
    assertThat(awaitTask(url, "v1", "failed").path("error").asText()).contains("chain id mismatch");

    post(url, "{\"id\":\"g2\",\"type\":\"configure-genesis\",\"params\":{\"chainId\":\"sei-b\"}}");
    awaitTask(url, "g2", "completed");
    post(url, "{\"id\":\"v2\",\"type\":\"config-validate\",\"params\":{}}");
    awaitTask(url, "v2", "completed");
  }

  @Test
  void discoverPeersWithNoAddressesFails() {
    String url = sidecar(Map.of());
    post(url, "{\"id\":\"p\",\"type\":\"discover-peers\",\"params\":{\"addresses\":[]}}");
    assertThat(awaitTask(url, "p", "failed").path("error").asText()).contains("no peers");
  }

  @Test
  void snapshotRestoreSetsTheDataToTheChainsLatestSnapshotAtOrBelowTheTarget() throws IOException {
    String chain = sim.chain("--block-time-ms", "10", "--snapshot-interval", "5");
    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) >= 12);
    String url = sidecar(Map.of("SEI_SNAPSHOT_BUCKET", chain));

    post(url, "{\"id\":\"r\",\"type\":\"snapshot-restore\",\"params\":{\"targetHeight\":12}}");
    awaitTask(url, "r", "completed");
    assertThat(Files.readString(home.resolve("data/sim-state.json"))).contains("\"height\" : 10");

    post(url, "{\"id\":\"low\",\"type\":\"snapshot-restore\",\"params\":{\"targetHeight\":3}}");
    assertThat(awaitTask(url, "low", "failed").path("error").asText())
        .contains("earliest snapshot is at height 5");
  }

  @Test
  void snapshotRestoreWithoutABucketFailsClearly() {
    String url = sidecar(Map.of());
    post(url, "{\"id\":\"r\",\"type\":\"snapshot-restore\",\"params\":{\"targetHeight\":12}}");
    assertThat(awaitTask(url, "r", "failed").path("error").asText())
        .contains("no snapshot bucket", "SEI_SNAPSHOT_BUCKET");
  }

  @Test
  void deleteRemovesATask() {
    String url = sidecar(Map.of());
    post(url, "{\"id\":\"d\",\"type\":\"config-validate\",\"params\":{}}");
    assertThat(request(url + "/v0/tasks/d", "DELETE", null, USER).statusCode()).isEqualTo(204);
    assertThat(request(url + "/v0/tasks/d", "GET", null, USER).statusCode()).isEqualTo(404);
    assertThat(request(url + "/v0/tasks/d", "DELETE", null, USER).statusCode()).isEqualTo(404);
  }
}
