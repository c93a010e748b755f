package io.sei.operator.simulator.sidecar;

import static io.sei.operator.simulator.support.Sim.json;
import static io.sei.operator.simulator.support.Sim.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.home.NodeKey;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.support.Sim;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  private Sim.Proc start(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("sidecar", "--home", home.toString(), "--listen=127.0.0.1:0"));
    args.addAll(List.of(extra));
    return sim.start(env, args.toArray(String[]::new));
  }

  private String sidecar(Map<String, String> env, String... extra) {
    return url(start(env, extra));
  }

  private static String url(Sim.Proc proc) {
    return "http://" + proc.awaitLine("SIDECAR listening=(\\S+)");
  }

  private static String id(int n) {
    return String.format("6f1c1a4e-0000-5000-8000-%012d", n);
  }

  static HttpResponse<String> post(String url, String body) {
    return request(url + "/v0/tasks", "POST", body, USER);
  }

  static HttpResponse<String> submit(String url, String id, String type, String params) {
    return post(url, "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"params\":" + params + "}");
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

  static JsonNode task(String url, String id) {
    return json(request(url + "/v0/tasks/" + id, "GET", null, USER));
  }

  static int get(String url, String path) {
    return request(url + path, "GET", null, Map.of()).statusCode();
  }

  private static Map<String, String> env(String... pairs) {
    return Sim.env(pairs);
  }

  // ---- the engine -------------------------------------------------------------------------

  @Test
  void aSubmitIs201WithTheIdAndAResubmitIsA201NoOp() {
    String url = sidecar(Map.of());
    HttpResponse<String> first =
        submit(url, id(1), "mark-ready", "{\"extra\":1,\"chainId\":\"ignored\"}");
    awaitTask(url, id(1), "completed");
    HttpResponse<String> second = submit(url, id(1), "config-validate", "{}");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(json(first)).isEqualTo(Json.object().put("id", id(1)));
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(json(second).path("id").asText()).isEqualTo(id(1));
    JsonNode task = task(url, id(1));
    assertThat(task.path("type").asText()).isEqualTo("mark-ready");
    assertThat(task.path("run").asInt()).isEqualTo(1);
    assertThat(task.path("params").path("extra").asInt()).isEqualTo(1);
    assertThat(task.has("submittedAt")).isTrue();
    assertThat(task.has("completedAt")).isTrue();
    assertThat(task.has("error")).isFalse();
    assertThat(json(request(url + "/v0/tasks", "GET", null, USER))).hasSize(1);
  }

  @Test
  void aTaskWithoutIdGetsARandomUuidAndAnEmptyListIsAnEmptyArray() {
    String url = sidecar(Map.of());
    JsonNode empty = json(request(url + "/v0/tasks", "GET", null, USER));
    assertThat(empty.isArray()).isTrue();
    assertThat(empty).isEmpty();
    HttpResponse<String> created = post(url, "{\"type\":\"config-validate\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).path("id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(task(url, id).has("params")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "r1",
        "6f1c1a4e-0000-5000-8000-00000000001",
        "6f1c1a4e-0000-5000-8000-0000000000011",
        "6f1c1a4e00005000-8000-000000000001x",
        "zf1c1a4e-0000-5000-8000-000000000001"
      })
  void anIdThatIsNotAUuidIs400(String id) {
    HttpResponse<String> response = submit(sidecar(Map.of()), id, "mark-ready", "{}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText())
        .isEqualTo("task ID must be a valid UUID: \"" + id + "\"");
  }

  @Test
  void theUuidFormsTheRealParserTakesAreAccepted() {
    String url = sidecar(Map.of());
    for (String id :
        List.of(
            "6F1C1A4E-0000-5000-8000-000000000001",
            "{6f1c1a4e-0000-5000-8000-000000000002}",
            "urn:uuid:6f1c1a4e-0000-5000-8000-000000000003",
            "6f1c1a4e000050008000000000000004")) {
      assertThat(submit(url, id, "mark-ready", "{}").statusCode()).as(id).isEqualTo(201);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "",
        "[]",
        "{\"params\":{}}",
        "{\"type\":\"\"}",
        "{\"type\":7}",
        "{\"id\":7,\"type\":\"mark-ready\"}",
        "{\"type\":\"mark-ready\",\"params\":[1]}",
        "{\"type\":\"reboot\",\"params\":{}}",
        "{\"type\":\"discover-peers\",\"params\":{\"addresses\":[\"a@b:1\"]}}"
      })
  void badBodiesAndUnknownTypesAre400(String body) {
    assertThat(post(sidecar(Map.of()), body).statusCode()).isEqualTo(400);
  }

  @Test
  void theRejectionsSayWhatTheRealServerSays() {
    String url = sidecar(Map.of());
    assertThat(json(post(url, "nope")).path("error").asText()).isEqualTo("invalid request body");
    assertThat(json(post(url, "{}")).path("error").asText()).isEqualTo("type is required");
    assertThat(json(post(url, "{\"type\":\"discover-peers\"}")).path("error").asText())
        .isEqualTo("unknown task type: discover-peers");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"snapshot-restore\",\"params\":{\"targetHeight\":\"100\"}}",
        "{\"type\":\"snapshot-restore\",\"params\":{\"targetHeight\":1.5}}",
        "{\"type\":\"config-apply\",\"params\":{\"mode\":\"full\",\"overrides\":{\"a\":1}}}",
        "{\"type\":\"config-apply\",\"params\":{\"mode\":7}}",
        "{\"type\":\"configure-state-sync\",\"params\":{\"backfillBlocks\":\"10\"}}",
        "{\"type\":\"configure-state-sync\",\"params\":{\"rpcServers\":\"a:1\"}}",
        "{\"type\":\"configure-genesis\",\"params\":{\"expectedGenesisHash\":false}}"
      })
  void badParamsAre201ThenAFailedTaskParsingParams(String body) {
    String url = sidecar(Map.of());
    HttpResponse<String> created = post(url, body);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode task = awaitTask(url, json(created).path("id").asText(), "failed");
    assertThat(task.path("error").asText()).startsWith("parsing params: json: cannot unmarshal");
  }

  @Test
  void aFailedTaskReRunsWithTheNewTypeAndParams() {
    String url = sidecar(Map.of());
    submit(url, id(1), "config-apply", "{\"mode\":\"miner\"}");
    JsonNode failed = awaitTask(url, id(1), "failed");
    assertThat(failed.path("error").asText()).isEqualTo("config-apply: invalid mode \"miner\"");
    assertThat(failed.path("run").asInt()).isEqualTo(1);

    assertThat(submit(url, id(1), "config-apply", "{\"mode\":\"full\"}").statusCode())
        .isEqualTo(201);
    JsonNode rerun = awaitTask(url, id(1), "completed");
    assertThat(rerun.path("run").asInt()).isEqualTo(2);
    assertThat(rerun.path("params").path("mode").asText()).isEqualTo("full");
    assertThat(rerun.has("error")).isFalse();
    assertThat(rerun.path("submittedAt").asText())
        .isGreaterThan(failed.path("submittedAt").asText());

    submit(url, id(2), "config-validate", "{}");
    awaitTask(url, id(2), "failed");
    submit(url, id(2), "mark-ready", "{}");
    JsonNode other = awaitTask(url, id(2), "completed");
    assertThat(other.path("type").asText()).isEqualTo("mark-ready");
    assertThat(other.path("run").asInt()).isEqualTo(2);
  }

  @Test
  void theListIsTheHundredNewestNewestFirst() {
    String url = sidecar(Map.of());
    for (int i = 1; i <= 105; i++) {
      assertThat(submit(url, id(i), "mark-ready", "{}").statusCode()).isEqualTo(201);
    }
    JsonNode list = json(request(url + "/v0/tasks", "GET", null, USER));
    assertThat(list).hasSize(100);
    assertThat(list.get(0).path("id").asText()).isEqualTo(id(105));
    assertThat(list.get(99).path("id").asText()).isEqualTo(id(6));
  }

  @Test
  void deleteCancelsARunningTaskAndRemovesIt() throws IOException {
    Files.writeString(
        home.resolve("sim-faults.json"), "{\"sidecar\":{\"hangTaskTypes\":[\"config-validate\"]}}");
    String url = sidecar(Map.of());
    submit(url, id(1), "config-validate", "{}");
    assertThat(task(url, id(1)).path("status").asText()).isEqualTo("running");
    assertThat(request(url + "/v0/tasks/" + id(1), "DELETE", null, USER).statusCode())
        .isEqualTo(204);
    HttpResponse<String> gone = request(url + "/v0/tasks/" + id(1), "GET", null, USER);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(json(gone).path("error").asText()).isEqualTo("task not found");
    assertThat(request(url + "/v0/tasks/" + id(1), "DELETE", null, USER).statusCode())
        .isEqualTo(404);
    Files.delete(home.resolve("sim-faults.json"));
    assertThat(request(url + "/v0/tasks/" + id(1), "GET", null, USER).statusCode()).isEqualTo(404);
  }

  @Test
  void tasksOutliveARestartRunningOnesRunAgainAndReadinessNeedsANewMarkReady() throws IOException {
    Path faults = home.resolve("sim-faults.json");
    Files.writeString(faults, "{\"sidecar\":{\"hangTaskTypes\":[\"config-apply\"]}}");
    Sim.Proc first = start(Map.of());
    String url = url(first);
    submit(url, id(1), "mark-ready", "{}");
    awaitTask(url, id(1), "completed");
    submit(url, id(2), "config-apply", "{\"mode\":\"archive\"}");
    assertThat(get(url, "/v0/healthz")).isEqualTo(200);
    assertThat(first.stop()).isEqualTo(ExitCodes.STOPPED);
    assertThat(Files.readString(home.resolve(TaskStore.FILE_NAME))).contains(id(2), "running");

    Files.delete(faults);
    String again = sidecar(Map.of());
    JsonNode rerun = awaitTask(again, id(2), "completed");
    assertThat(rerun.path("run").asInt()).isEqualTo(1);
    assertThat(Files.readString(home.resolve("config/config.toml"))).contains("mode = \"archive\"");
    assertThat(task(again, id(1)).path("status").asText()).isEqualTo("completed");

    assertThat(get(again, "/v0/healthz")).isEqualTo(503);
    assertThat(submit(again, id(1), "mark-ready", "{}").statusCode()).isEqualTo(201);
    assertThat(get(again, "/v0/healthz")).isEqualTo(503);
    assertThat(json(request(again + "/v0/status", "GET", null, Map.of())).path("status").asText())
        .isEqualTo("Initializing");

    submit(again, id(3), "mark-ready", "{}");
    awaitTask(again, id(3), "completed");
    assertThat(get(again, "/v0/healthz")).isEqualTo(200);
    assertThat(get(again, "/v0/startupz")).isEqualTo(200);
  }

  // ---- the probes, status, node id and metrics --------------------------------------------

  @Test
  void probesAndStatusFollowMarkReady() {
    String url = sidecar(Map.of());
    HttpResponse<String> healthz = request(url + "/v0/healthz", "GET", null, Map.of());
    assertThat(healthz.statusCode()).isEqualTo(503);
    assertThat(healthz.body()).isEmpty();
    assertThat(get(url, "/v0/startupz")).isEqualTo(503);
    assertThat(get(url, "/v0/livez")).isEqualTo(200);
    assertThat(json(request(url + "/v0/status", "GET", null, Map.of())).path("status").asText())
        .isEqualTo("Initializing");

    submit(url, id(1), "mark-ready", "{}");
    awaitTask(url, id(1), "completed");

    healthz = request(url + "/v0/healthz", "GET", null, Map.of());
    assertThat(healthz.statusCode()).isEqualTo(200);
    assertThat(healthz.body()).isEmpty();
    assertThat(get(url, "/v0/startupz")).isEqualTo(200);
    assertThat(json(request(url + "/v0/status", "GET", null, Map.of())).path("status").asText())
        .isEqualTo("Ready");
  }

  @Test
  void livezIs503WhenTheTaskStoreCannotBeWritten() throws IOException {
    String url = sidecar(Map.of());
    submit(url, id(1), "mark-ready", "{}");
    awaitTask(url, id(1), "completed");
    Path store = home.resolve(TaskStore.FILE_NAME);
    Files.delete(store);
    Files.createDirectories(store.resolve("blocker"));
    assertThat(get(url, "/v0/livez")).isEqualTo(503);
    assertThat(json(request(url + "/v0/livez?verbose=1", "GET", null, Map.of())).has("error"))
        .isTrue();
    HttpResponse<String> delete = request(url + "/v0/tasks/" + id(1), "DELETE", null, USER);
    assertThat(delete.statusCode()).isEqualTo(503);
    assertThat(json(delete).path("error").asText()).isEqualTo("failed to delete task; retry");
  }

  @Test
  void nodeIdIsTheIdOfTheNodeKeyAnd500WithoutOne() throws IOException {
    String url = sidecar(Map.of());
    HttpResponse<String> missing = request(url + "/v0/node-id", "GET", null, USER);
    assertThat(missing.statusCode()).isEqualTo(500);
    assertThat(json(missing).path("error").asText()).contains("node_key.json not found");

    NodeHome nodeHome = new NodeHome(home);
    nodeHome.write(nodeHome.nodeKeyFile(), Map.of("priv_key", Map.of("value", "AAAA")));
    assertThat(request(url + "/v0/node-id", "GET", null, USER).statusCode()).isEqualTo(500);

    nodeHome.write(nodeHome.nodeKeyFile(), NodeKey.generate());
    String expected = NodeKey.nodeId(nodeHome).orElseThrow();
    HttpResponse<String> found = request(url + "/v0/node-id", "GET", null, USER);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(json(found).path("nodeId").asText()).isEqualTo(expected).matches("[0-9a-f]{40}");
  }

  @Test
  void metricsHaveTheRealNames() {
    String url = sidecar(Map.of());
    submit(url, id(1), "mark-ready", "{}");
    awaitTask(url, id(1), "completed");
    submit(url, id(2), "config-apply", "{\"mode\":\"miner\"}");
    awaitTask(url, id(2), "failed");
    String metrics = request(url + "/v0/metrics", "GET", null, Map.of()).body();
    assertThat(metrics)
        .contains(
            "# TYPE seictl_task_execution_duration_seconds histogram",
            "seictl_task_execution_duration_seconds_bucket{status=\"completed\",type=\"mark-ready\",le=\"+Inf\"} 1",
            "seictl_task_execution_duration_seconds_count{status=\"failed\",type=\"config-apply\"} 1",
            "seictl_task_submissions_total{type=\"mark-ready\"} 1",
            "seictl_task_submissions_total{type=\"config-apply\"} 1",
            "seictl_task_failures_total{type=\"config-apply\"} 1");
    assertThat(metrics).doesNotContain("seictl_task_panics_total{");
  }

  // ---- authentication ----------------------------------------------------------------------

  @Test
  void trustedHeaderBindsLoopbackAndWantsExactlyOneRemoteUserExceptOnBypassPaths()
      throws Exception {
    String url =
        url(
            sim.start(
                Map.of("SEI_SIDECAR_AUTHN_MODE", "trusted-header"),
                "sidecar",
                "--home",
                home.toString(),
                "--listen",
                "0.0.0.0:0"));
    assertThat(url).startsWith("http://127.0.0.1:");

    for (String path : Sidecar.BYPASS_PATHS) {
      assertThat(get(url, path)).as(path).isIn(200, 503);
    }
    assertThat(get(url, "/v0/status")).isEqualTo(401);
    assertThat(get(url, "/v0/tasks")).isEqualTo(401);
    assertThat(get(url, "/v0/node-id")).isEqualTo(401);
    assertThat(
            request(url + "/v0/tasks", "POST", "{\"type\":\"mark-ready\"}", Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(request(url + "/v0/tasks", "GET", null, USER).statusCode()).isEqualTo(200);

    HttpResponse<String> twice =
        Sim.CLIENT.send(
            HttpRequest.newBuilder(URI.create(url + "/v0/tasks"))
                .header("X-Remote-User", "a")
                .header("X-Remote-User", "b")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(twice.statusCode()).isEqualTo(401);
    assertThat(json(twice).path("error").asText()).contains("exactly one X-Remote-User");

    String metrics = request(url + "/v0/metrics", "GET", null, Map.of()).body();
    assertThat(metrics)
        .contains(
            "seictl_sidecar_authn_rejections_total{reason=\"missing_header\"} 4",
            "seictl_sidecar_authn_rejections_total{reason=\"duplicate_header\"} 1");
  }

  // ---- serve -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SEI_CHAIN_ID",
        "SEI_GENESIS_BUCKET",
        "SEI_GENESIS_REGION",
        "SEI_SNAPSHOT_BUCKET",
        "SEI_SNAPSHOT_REGION"
      })
  void serveWithoutARequiredVariableExitsSayingWhich(String variable) {
    Sim.Proc serve = sim.start(Map.of(variable, ""), "serve", "--home", home.toString());
    assertThat(serve.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(serve.output())
        .contains("required environment variable " + variable + " is not set");

    Sim.Proc alias = start(Map.of(variable, ""));
    assertThat(alias.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(alias.output())
        .contains("required environment variable " + variable + " is not set");
  }

  @Test
  void serveRefusesAnUnknownAuthnMode() {
    Sim.Proc serve =
        sim.start(
            Map.of("SEI_SIDECAR_AUTHN_MODE", "trusted_header", "SEI_HOME", home.toString()),
            "serve");
    assertThat(serve.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(serve.output())
        .contains("SEI_SIDECAR_AUTHN_MODE=\"trusted_header\" is not recognized");
  }

  @Test
  void serveTakesHomeAndPortFromTheEnvironmentAndBindsByAuthnMode() {
    String open =
        sim.start(Map.of("SEI_HOME", home.toString(), "SEI_SIDECAR_PORT", "0"), "serve")
            .awaitLine("SIDECAR listening=(\\S+)");
    assertThat(open).as("all interfaces").doesNotStartWith("127.");
    String local = "http://127.0.0.1:" + open.substring(open.lastIndexOf(':') + 1);
    assertThat(submit(local, id(1), "mark-ready", "{}").statusCode()).isEqualTo(201);
    assertThat(home.resolve(TaskStore.FILE_NAME)).exists();

    String loopback =
        sim.start(
                Map.of("SEI_SIDECAR_AUTHN_MODE", "trusted-header"),
                "serve",
                "--home",
                home.resolve("other").toString(),
                "--port",
                "0")
            .awaitLine("SIDECAR listening=(\\S+)");
    assertThat(loopback).startsWith("127.0.0.1:");
  }

  // ---- the tasks ---------------------------------------------------------------------------

  @Test
  void configApplyWritesConfigAndAppTomlAndPersistentPeersReadsThem() throws IOException {
    String url = sidecar(Map.of());
    NodeHome nodeHome = new NodeHome(home);
    assertThat(nodeHome.persistentPeers()).isEmpty();
    submit(
        url,
        id(1),
        "config-apply",
        "{\"mode\":\"validator\",\"overrides\":{\"network.p2p.persistent_peers\":"
            + "\"ab12@10.0.0.1:26656, cd34@sei-1.sei:26656\",\"mempool.size\":\"5000\","
            + "\"evm.http_port\":\"8545\"},\"targetVersion\":0}");
    awaitTask(url, id(1), "completed");
    String config = Files.readString(nodeHome.configTomlFile());
    assertThat(config)
        .contains(
            "mode = \"validator\"",
            "[p2p]",
            "persistent-peers = \"ab12@10.0.0.1:26656, cd34@sei-1.sei:26656\"");
    assertThat(Files.readString(nodeHome.appTomlFile()))
        .contains("[mempool]", "size = \"5000\"", "[evm]", "http_port = \"8545\"");
    assertThat(nodeHome.persistentPeers())
        .containsExactly("ab12@10.0.0.1:26656", "cd34@sei-1.sei:26656");

    submit(url, id(2), "config-apply", "{\"mode\":\"full\"}");
    awaitTask(url, id(2), "completed");
    assertThat(Files.readString(nodeHome.configTomlFile())).contains("persistent-peers = \"\"");
    assertThat(nodeHome.persistentPeers()).isEmpty();

    submit(
        url,
        id(3),
        "config-apply",
        "{\"incremental\":true,\"overrides\":{\"network.p2p.persistent_peers\":\"ef@h:1\"}}");
    awaitTask(url, id(3), "completed");
    assertThat(nodeHome.persistentPeers()).containsExactly("ef@h:1");
    assertThat(Files.readString(nodeHome.configTomlFile())).contains("mode = \"full\"");
  }

  @Test
  void configApplyFailsOnAnUnknownKeyOrModeAsSeiConfigDoes() {
    String url = sidecar(Map.of());
    submit(
        url,
        id(1),
        "config-apply",
        "{\"mode\":\"full\",\"overrides\":{\"mempool.size\":\"1\",\"p2p.max\":\"10\"}}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText())
        .isEqualTo("config-apply: applying overrides: unknown override key \"p2p.max\"");
    submit(url, id(2), "config-apply", "{\"mode\":\"fullNode\"}");
    assertThat(awaitTask(url, id(2), "failed").path("error").asText())
        .isEqualTo("config-apply: invalid mode \"fullNode\"");
    submit(url, id(3), "config-apply", "{}");
    assertThat(awaitTask(url, id(3), "failed").path("error").asText()).contains("mode is required");
    for (String mode : List.of("validator", "full", "seed", "archive", "rpc", "indexer")) {
      String taskId = UUID.randomUUID().toString();
      submit(url, taskId, "config-apply", "{\"mode\":\"" + mode + "\"}");
      awaitTask(url, taskId, "completed");
    }
  }

  @Test
  void configureGenesisEmbedsKnownChainsRunsOnceAndIgnoresAChainIdParam() throws IOException {
    String url = sidecar(env("SEI_CHAIN_ID", "pacific-1"));
    submit(url, id(1), "configure-genesis", "{\"chainId\":\"sei-other\"}");
    awaitTask(url, id(1), "completed");
    Path genesis = home.resolve("config/genesis.json");
    assertThat(parse(Files.readString(genesis)).path("chain_id").asText()).isEqualTo("pacific-1");
    assertThat(home.resolve(".sei-sidecar-genesis-done")).exists();

    Files.writeString(genesis, "{\"chain_id\":\"edited\"}");
    submit(url, id(2), "configure-genesis", "{}");
    awaitTask(url, id(2), "completed");
    assertThat(Files.readString(genesis)).contains("edited");
  }

  @Test
  void configureGenesisFetchesOtherChainsFromTheGenesisBucketAndChecksTheHash() throws IOException {
    String chain = sim.chain("--block-time-ms", "50");
    String url = sidecar(env("SEI_CHAIN_ID", "sei-devnet-7", "AWS_ENDPOINT_URL_S3", chain));
    submit(url, id(1), "configure-genesis", "{\"expectedGenesisHash\":\"00ff\"}");
    String error = awaitTask(url, id(1), "failed").path("error").asText();
    assertThat(error)
        .contains(
            "configure-genesis: verify-hash",
            "s3://sei-sim-genesis/sei-devnet-7/genesis.json",
            "expected 00ff");
    assertThat(home.resolve("config/genesis.json")).doesNotExist();
    assertThat(home.resolve(".sei-sidecar-genesis-done")).doesNotExist();

    submit(url, id(1), "configure-genesis", "{}");
    awaitTask(url, id(1), "completed");
    assertThat(
            parse(Files.readString(home.resolve("config/genesis.json"))).path("chain_id").asText())
        .isEqualTo("sei-devnet-7");
  }

  @Test
  void configureGenesisWithoutAnEndpointNamesIt() {
    String url = sidecar(Map.of());
    submit(url, id(1), "configure-genesis", "{}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText())
        .contains("AWS_ENDPOINT_URL_S3");
  }

  @Test
  void configValidateNeedsTheConfigAndAGenesisOfTheSidecarsChain() throws IOException {
    String url = sidecar(env("SEI_CHAIN_ID", "pacific-1"));
    submit(url, id(1), "config-validate", "{}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText())
        .startsWith("config-validate: reading config: ")
        .contains("app.toml");

    submit(url, id(2), "config-apply", "{\"mode\":\"full\"}");
    awaitTask(url, id(2), "completed");
    submit(url, id(3), "config-validate", "{}");
    assertThat(awaitTask(url, id(3), "failed").path("error").asText())
        .startsWith("config validation failed: ")
        .contains("configure-genesis");

    Files.writeString(home.resolve("config/genesis.json"), "{\"chain_id\":\"atlantic-2\"}");
    submit(url, id(4), "config-validate", "{}");
    assertThat(awaitTask(url, id(4), "failed").path("error").asText())
        .contains("chain id mismatch", "atlantic-2", "pacific-1");

    Files.delete(home.resolve("config/genesis.json"));
    submit(url, id(5), "configure-genesis", "{}");
    awaitTask(url, id(5), "completed");
    submit(url, id(6), "config-validate", "{}");
    awaitTask(url, id(6), "completed");

    Files.delete(home.resolve("config/config.toml"));
    submit(url, id(7), "config-validate", "{}");
    assertThat(awaitTask(url, id(7), "failed").path("error").asText()).contains("config.toml");
  }

  @Test
  void snapshotRestoreTakesTheHighestSnapshotAtOrBelowTheTargetFromTheBucketOnce()
      throws IOException {
    String chain = sim.chain("--block-time-ms", "10", "--snapshot-interval", "5");
    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) >= 12);
    String url = sidecar(env("AWS_ENDPOINT_URL_S3", chain));
    Files.createDirectories(home.resolve("data"));
    Files.writeString(home.resolve("data/upgrade-info.json"), "{}");

    submit(url, id(1), "snapshot-restore", "{\"targetHeight\":3}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText())
        .contains(
            "no snapshot at or below height 3: the earliest snapshot is at height 5",
            "s3://sei-sim-snapshots/sei-test/state-sync/");

    submit(url, id(2), "snapshot-restore", "{\"targetHeight\":-1}");
    assertThat(awaitTask(url, id(2), "failed").path("error").asText())
        .isEqualTo("snapshot-restore: targetHeight must be >= 0, got -1");

    submit(url, id(3), "snapshot-restore", "{\"targetHeight\":12}");
    awaitTask(url, id(3), "completed");
    assertThat(parse(Files.readString(home.resolve("data/sim-state.json"))).path("height").asLong())
        .isEqualTo(10);
    assertThat(home.resolve("data/upgrade-info.json")).doesNotExist();
    assertThat(home.resolve("data/snapshots/10")).isDirectory();
    assertThat(Files.readString(home.resolve(".sei-sidecar-snapshot-height"))).isEqualTo("10");
    assertThat(home.resolve(".sei-sidecar-snapshot-done")).exists();

    submit(url, id(4), "snapshot-restore", "{}");
    awaitTask(url, id(4), "completed");
    assertThat(parse(Files.readString(home.resolve("data/sim-state.json"))).path("height").asLong())
        .as("a no-op once restored")
        .isEqualTo(10);
  }

  @Test
  void snapshotRestoreLatestAndWithoutAnEndpoint() throws IOException {
    String url = sidecar(Map.of());
    submit(url, id(1), "snapshot-restore", "{\"targetHeight\":12}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText())
        .contains("AWS_ENDPOINT_URL_S3");

    String chain = sim.chain("--block-time-ms", "10", "--snapshot-interval", "4");
    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) >= 9);
    Path other = home.resolve("other");
    String latest =
        url(
            sim.start(
                env("AWS_ENDPOINT_URL_S3", chain),
                "sidecar",
                "--home",
                other.toString(),
                "--listen",
                "127.0.0.1:0"));
    submit(latest, id(2), "snapshot-restore", "{\"targetHeight\":0}");
    awaitTask(latest, id(2), "completed");
    long restored =
        parse(Files.readString(other.resolve("data/sim-state.json"))).path("height").asLong();
    assertThat(restored).isGreaterThanOrEqualTo(8).matches(h -> h % 4 == 0);
  }

  @Test
  void configureStateSyncWritesTheStatesyncTableFromTheWitnessesOnce() throws IOException {
    String chain = sim.chain("--block-time-ms", "10", "--snapshot-interval", "5");
    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) >= 12);
    String hostPort = URI.create(chain).getAuthority();
    String url = sidecar(env("AWS_ENDPOINT_URL_S3", chain));

    submit(url, id(1), "configure-state-sync", "{}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText())
        .isEqualTo("configure-state-sync: no peers in config.toml");

    submit(
        url,
        id(2),
        "config-apply",
        "{\"mode\":\"full\",\"overrides\":{\"network.p2p.persistent_peers\":\"ab12@"
            + hostPort
            + "\"}}");
    awaitTask(url, id(2), "completed");
    submit(url, id(3), "snapshot-restore", "{\"targetHeight\":12}");
    awaitTask(url, id(3), "completed");
    submit(
        url,
        id(1),
        "configure-state-sync",
        "{\"trustPeriod\":\"168h0m0s\",\"backfillBlocks\":10,\"useLocalSnapshot\":true}");
    awaitTask(url, id(1), "completed");

    NodeHome nodeHome = new NodeHome(home);
    Map<String, Object> config = nodeHome.readToml(nodeHome.configTomlFile());
    assertThat(config).containsEntry("mode", "full");
    @SuppressWarnings("unchecked")
    Map<String, Object> stateSync = (Map<String, Object>) config.get("statesync");
    assertThat(stateSync)
        .containsEntry("enable", true)
        .containsEntry("trust-height", 10L)
        .containsEntry("rpc-servers", hostPort + "," + hostPort)
        .containsEntry("trust-period", "168h0m0s")
        .containsEntry("backfill-blocks", 10L)
        .containsEntry("use-local-snapshot", true);
    assertThat((String) stateSync.get("trust-hash")).matches("[0-9A-F]{64}");
    assertThat(nodeHome.persistentPeers()).containsExactly("ab12@" + hostPort);
    assertThat(home.resolve(".sei-sidecar-statesync-done")).exists();

    submit(url, id(4), "configure-state-sync", "{\"rpcServers\":[\"127.0.0.1:1\"]}");
    awaitTask(url, id(4), "completed");
    assertThat(Files.readString(nodeHome.configTomlFile())).contains("trust-height = 10");
  }

  @Test
  void configureStateSyncQueriesTheWitnessForTheLatestHeight() throws IOException {
    String chain = sim.chain("--block-time-ms", "10");
    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) >= 3);
    String hostPort = URI.create(chain).getAuthority();
    String url = sidecar(Map.of());

    submit(url, id(1), "configure-state-sync", "{\"rpcServers\":[\"127.0.0.1:1\"]}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText())
        .isEqualTo("configure-state-sync: no reachable RPC witness among [127.0.0.1:1]");

    submit(
        url,
        id(1),
        "configure-state-sync",
        "{\"rpcServers\":[\"127.0.0.1:1\",\"" + hostPort + "\"]}");
    awaitTask(url, id(1), "completed");
    NodeHome nodeHome = new NodeHome(home);
    @SuppressWarnings("unchecked")
    Map<String, Object> stateSync =
        (Map<String, Object>) nodeHome.readToml(nodeHome.configTomlFile()).get("statesync");
    assertThat(stateSync)
        .containsEntry("trust-height", 1L)
        .containsEntry("rpc-servers", hostPort + "," + hostPort)
        .containsEntry("use-local-snapshot", false)
        .doesNotContainKeys("trust-period", "backfill-blocks");
  }

  @Test
  void aTypeTheSimulatorDoesNotCarryOutIsAcceptedAndFails() {
    String url = sidecar(Map.of());
    submit(url, id(1), "restart-seid", "{}");
    assertThat(awaitTask(url, id(1), "failed").path("error").asText()).contains("not simulated");
  }

  private static JsonNode parse(String text) {
    try {
      return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
