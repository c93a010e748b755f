package io.sei.operator.simulator.faults;

import static io.sei.operator.simulator.support.Sim.get;
import static io.sei.operator.simulator.support.Sim.json;
import static io.sei.operator.simulator.support.Sim.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.support.Sim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsTest {

  private final Sim sim = new Sim();
  @TempDir Path home;

  @AfterEach
  void stopAll() {
    sim.close();
  }

  private Sim.Proc seid(Map<String, String> env, String chain, String... extra) {
    return seidVersion(env, chain, "v6.4.0", extra);
  }

  private Sim.Proc seidVersion(
      Map<String, String> env, String chain, String version, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "seid",
                "start",
                "--home",
                home.toString(),
                "--version",
                version,
                "--peer",
                chain,
                "--rpc-listen",
                "127.0.0.1:0",
                "--p2p.laddr",
                "127.0.0.1:0",
                "--standalone",
                "--sync-interval-ms",
                "1"));
    args.addAll(List.of(extra));
    return sim.start(env, args.toArray(String[]::new));
  }

  private void faultsFile(String json) throws IOException {
    Files.writeString(home.resolve("sim-faults.json"), json);
  }

  @Test
  void crashAtHeight() {
    String chain = sim.chain("--block-time-ms", "10");
    Sim.Proc node = seid(Map.of(), chain, "--fault-crash-at-height", "4");
    assertThat(node.exitCode()).isEqualTo(ExitCodes.PANIC);
    assertThat(node.output()).contains("simulated crash at height 4");
  }

  @Test
  void crashOnUpgradeEvenWithTheHandler() throws IOException {
    String chain = sim.chain("--block-time-ms", "10", "--upgrade", "v6.4.0@3");
    faultsFile("{\"seid\":{\"crashOnUpgrade\":true}}");
    Sim.Proc node = seidVersion(Map.of(), chain, "v6.3.0", "--halt-height", "2");
    assertThat(node.exitCode()).as(node::output).isZero();

    Sim.Proc upgraded = seid(Map.of(), chain);
    assertThat(upgraded.exitCode()).isEqualTo(ExitCodes.PANIC);
    assertThat(upgraded.output())
        .contains("simulated crash applying upgrade \"v6.4.0\" at height 3");
  }

  @Test
  void stallAtHeightHoldsTheNodeUntilTheFileDropsTheFault() throws IOException {
    String chain = sim.chain("--block-time-ms", "10");
    faultsFile("{\"seid\":{\"stallAtHeight\":3}}");
    Sim.Proc node = seid(Map.of(), chain, "--halt-height", "6");
    node.awaitLine("STALL height=3");
    String rpc = "http://" + node.awaitLine("rpc=(\\S+)");
    await().atMost(Duration.ofSeconds(5)).until(() -> Sim.chainHeight(chain) > 8);
    assertThat(
            get(rpc + "/status")
                .path("result")
                .path("sync_info")
                .path("latest_block_height")
                .asLong())
        .isEqualTo(3);

    faultsFile("{}");
    assertThat(node.exitCode()).isZero();
    assertThat(node.output()).contains("HALT height=6");
  }

  @Test
  void slowSyncSpendsTheGivenTimePerBlock() {
    String chain = sim.chain("--block-time-ms", "5");
    await().atMost(Duration.ofSeconds(5)).until(() -> Sim.chainHeight(chain) > 10);
    long start = System.nanoTime();
    Sim.Proc node =
        seid(
            Map.of("SEI_SIM_FAULTS", "{\"seid\":{\"syncIntervalMs\":300}}"),
            chain,
            "--halt-height",
            "3");
    assertThat(node.exitCode()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void crashOnStart() {
    Sim.Proc node = seid(Map.of(), "http://127.0.0.1:9", "--fault-crash-on-start");
    assertThat(node.exitCode()).isEqualTo(ExitCodes.PANIC);
    assertThat(node.output()).contains("simulated crash on start");
  }

  private String sidecar(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("sidecar", "--home", home.toString(), "--listen", "127.0.0.1:0"));
    args.addAll(List.of(extra));
    return "http://" + sim.start(args.toArray(String[]::new)).awaitLine("SIDECAR listening=(\\S+)");
  }

  private static int submit(String url, String id, String type) {
    return request(
            url + "/v0/tasks",
            "POST",
            "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"params\":{}}",
            Map.of())
        .statusCode();
  }

  private static String status(String url, String id) {
    return json(request(url + "/v0/tasks/" + id, "GET", null, Map.of())).path("status").asText();
  }

  @Test
  void failTaskTypeFailsItAndAResubmissionRunsItAgain() throws IOException {
    String url = sidecar("--fault-fail-task", "config-validate");
    String v = "5f0c7a2e-1111-4b5e-9c3d-000000000001";
    submit(url, v, "config-validate");
    await().atMost(Duration.ofSeconds(5)).until(() -> status(url, v).equals("failed"));
    assertThat(json(request(url + "/v0/tasks/" + v, "GET", null, Map.of())).path("error").asText())
        .contains("injected fault");

    faultsFile("{\"sidecar\":{\"failTaskTypes\":[]}}");
    assertThat(submit(url, v, "config-validate")).isEqualTo(201);
    await().atMost(Duration.ofSeconds(5)).until(() -> status(url, v).equals("failed"));
    JsonNode rerun = json(request(url + "/v0/tasks/" + v, "GET", null, Map.of()));
    assertThat(rerun.path("run").asInt()).as("run of the re-submitted task").isEqualTo(2);
    assertThat(rerun.path("error").asText()).as("the real check now runs").contains("app.toml");
  }

  @Test
  void hangTaskTypeKeepsItRunningWhileTheFaultIsSet() throws IOException {
    faultsFile("{\"sidecar\":{\"hangTaskTypes\":[\"mark-ready\"]}}");
    String url = sidecar();
    String m = "5f0c7a2e-1111-4b5e-9c3d-000000000002";
    submit(url, m, "mark-ready");
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> status(url, m).equals("running"));
    assertThat(request(url + "/v0/healthz", "GET", null, Map.of()).statusCode()).isEqualTo(503);

    faultsFile("{\"sidecar\":{}}");
    await().atMost(Duration.ofSeconds(5)).until(() -> status(url, m).equals("completed"));
  }

  @Test
  void answer5xxNTimes() {
    String url = sidecar("--fault-5xx", "2");
    assertThat(request(url + "/v0/tasks", "GET", null, Map.of()).statusCode()).isEqualTo(503);
    assertThat(request(url + "/v0/livez", "GET", null, Map.of()).statusCode()).isEqualTo(200);
    assertThat(request(url + "/v0/status", "GET", null, Map.of()).statusCode()).isEqualTo(503);
    assertThat(request(url + "/v0/tasks", "GET", null, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void aMalformedFaultsFileIsReportedAndIgnoredWhileFlagFaultsStillApply() throws IOException {
    faultsFile("{not json");
    Sim.Proc sidecar =
        sim.start(
            "sidecar",
            "--home",
            home.toString(),
            "--listen",
            "127.0.0.1:0",
            "--fault-fail-task",
            "config-validate");
    String url = "http://" + sidecar.awaitLine("SIDECAR listening=(\\S+)");

    assertThat(submit(url, "9e0f2f7a-4b1c-4d7e-9a39-5f1f4c1a0001", "config-validate"))
        .isEqualTo(201);
    sidecar.awaitLine("WARN faults file .* ignored");
    await("the flag fault fails the task")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                request(
                        url + "/v0/tasks/9e0f2f7a-4b1c-4d7e-9a39-5f1f4c1a0001",
                        "GET",
                        null,
                        Map.of())
                    .body()
                    .contains("failed"));
  }
}
