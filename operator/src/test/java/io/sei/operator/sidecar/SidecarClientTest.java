package io.sei.operator.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SidecarClientTest {

  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.operator-token-one";
  private static final String TASK = "7d0a4c5e-0000-5000-8000-000000000001";

  @TempDir Path dir;
  private Path tokenFile;
  private RecordingProxy proxy;
  private SidecarClient client;

  @BeforeEach
  void start() throws IOException {
    tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    proxy = new RecordingProxy();
    client = new SidecarClient(new TokenFile(tokenFile), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  @Test
  void submitPostsTheTaskAsJson() throws IOException {
    proxy.answer("POST", "/v0/tasks", 201, "{\"id\":\"" + TASK + "\"}");
    client.submit(proxy.endpoint(), TASK, "snapshot-restore", "{\"targetHeight\":9}");
    RecordingProxy.Recorded request = proxy.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v0/tasks");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(new ObjectMapper().readValue(request.body(), Map.class))
        .isEqualTo(
            Map.of("id", TASK, "type", "snapshot-restore", "params", Map.of("targetHeight", 9)));
  }

  @Test
  void onlyA201IsASuccessfulSubmission() {
    proxy.answer("POST", "/v0/tasks", 202, "{}");
    assertThatThrownBy(() -> client.submit(proxy.endpoint(), TASK, "mark-ready", "{}"))
        .isInstanceOf(SidecarRejectedException.class)
        .hasMessageContaining("answered 202");
  }

  @Test
  void nodeIdIsReadFromTheSidecar() {
    String id = "0123456789abcdef0123456789abcdef01234567";
    proxy.answer("GET", "/v0/node-id", 200, "{\"nodeId\":\"" + id + "\"}");
    assertThat(client.nodeId(proxy.endpoint())).isEqualTo(id);
    assertThat(proxy.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void aNodeWithoutItsKeyYetIsUnavailableNotRejected() {
    proxy.answer("GET", "/v0/node-id", 500, "{\"error\":\"open config/node_key.json\"}");
    assertThatThrownBy(() -> client.nodeId(proxy.endpoint()))
        .isInstanceOf(SidecarUnavailableException.class);
  }

  @Test
  void theHealthCheckSendsNoToken() {
    proxy.answer("GET", "/v0/healthz", 200, "");
    assertThat(client.health(proxy.endpoint())).isTrue();
    assertThat(proxy.last().header("Authorization")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"x\"", "not json"})
  void paramsMustBeAJsonObject(String params) {
    assertThatThrownBy(() -> client.submit(proxy.endpoint(), TASK, "mark-ready", params))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(proxy.requests()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"running, RUNNING", "completed, COMPLETED"})
  void getReadsTheTaskState(String wire, TaskState state) {
    proxy.answer(
        "GET",
        "/v0/tasks/" + TASK,
        200,
        "{\"id\":\"" + TASK + "\",\"type\":\"config-apply\",\"status\":\"" + wire + "\"}");
    assertThat(client.get(proxy.endpoint(), TASK))
        .contains(new SidecarTask(TASK, "config-apply", state, Optional.empty()));
  }

  @Test
  void getReportsWhyATaskFailed() {
    proxy.answer(
        "GET",
        "/v0/tasks/" + TASK,
        200,
        "{\"id\":\""
            + TASK
            + "\",\"type\":\"snapshot-restore\",\"status\":\"failed\","
            + "\"error\":\"no snapshot at or below 99\"}");
    assertThat(client.get(proxy.endpoint(), TASK))
        .contains(
            new SidecarTask(
                TASK,
                "snapshot-restore",
                TaskState.FAILED,
                Optional.of("no snapshot at or below 99")));
  }

  @Test
  void getOfAnUnknownTaskIsEmpty() {
    proxy.answer("GET", "/v0/tasks/" + TASK, 404, "no task");
    assertThat(client.get(proxy.endpoint(), TASK)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"status\":\"paused\"}", "[1]", "<html>"})
  void anAnswerOutsideTheV0ApiIsRejected(String body) {
    proxy.answer("GET", "/v0/tasks/" + TASK, 200, body);
    assertThatThrownBy(() -> client.get(proxy.endpoint(), TASK))
        .isInstanceOf(SidecarRejectedException.class);
  }

  @ParameterizedTest
  @CsvSource({"200, true", "503, false"})
  void healthIsTheSidecarsReadiness(int status, boolean ready) {
    proxy.answer("GET", "/v0/healthz", status, "ok");
    assertThat(client.health(proxy.endpoint())).isEqualTo(ready);
  }

  @Test
  void everyAuthenticatedRequestCarriesTheBearerToken() {
    proxy
        .answer("POST", "/v0/tasks", 201, "{}")
        .answer("GET", "/v0/tasks/" + TASK, 404, "{}")
        .answer("GET", "/v0/node-id", 200, "{\"nodeId\":\"" + "ab".repeat(20) + "\"}");
    client.submit(proxy.endpoint(), TASK, "mark-ready", "{}");
    client.get(proxy.endpoint(), TASK);
    client.nodeId(proxy.endpoint());
    assertThat(proxy.requests())
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
  }

  @Test
  void aRotatedTokenIsSentFromTheNextRequestOn() throws IOException {
    proxy.answer("GET", "/v0/tasks/" + TASK, 404, "{}");
    client.get(proxy.endpoint(), TASK);
    String rotated = TOKEN.replace("one", "two");
    var modified = Files.getLastModifiedTime(tokenFile);
    Files.writeString(tokenFile, rotated + "\n");
    Files.setLastModifiedTime(
        tokenFile, java.nio.file.attribute.FileTime.fromMillis(modified.toMillis() + 60_000));
    client.get(proxy.endpoint(), TASK);
    assertThat(proxy.requests())
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer " + TOKEN, "Bearer " + rotated);
  }

  @Test
  void anUnchangedTokenFileIsNotReadAgain() throws IOException {
    proxy.answer("GET", "/v0/tasks/" + TASK, 404, "{}");
    client.get(proxy.endpoint(), TASK);
    var modified = Files.getLastModifiedTime(tokenFile);
    // Same size and modification time: the file counts as unchanged, so the cached token is sent.
    Files.writeString(tokenFile, TOKEN.replace("one", "two") + "\n");
    Files.setLastModifiedTime(tokenFile, modified);
    client.get(proxy.endpoint(), TASK);
    assertThat(proxy.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void aMissingTokenFileIsTransientAndNamesTheFile() throws IOException {
    Files.delete(tokenFile);
    assertThatThrownBy(() -> client.get(proxy.endpoint(), TASK))
        .isInstanceOf(SidecarUnavailableException.class)
        .hasMessageContaining(tokenFile.toString());
    assertThat(proxy.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsAreTransient(int status) {
    proxy.answer("POST", "/v0/tasks", status, "upstream down");
    proxy.answer("GET", "/v0/tasks/" + TASK, status, "upstream down");
    assertThatThrownBy(() -> client.submit(proxy.endpoint(), TASK, "mark-ready", "{}"))
        .isInstanceOf(SidecarUnavailableException.class)
        .hasMessageContaining(String.valueOf(status));
    assertThatThrownBy(() -> client.get(proxy.endpoint(), TASK))
        .isInstanceOf(SidecarUnavailableException.class);
  }

  @Test
  void aRefusedConnectionIsTransient() {
    SidecarEndpoint gone = proxy.endpoint();
    proxy.close();
    assertThatThrownBy(() -> client.health(gone))
        .isInstanceOf(SidecarUnavailableException.class)
        .hasMessageContaining("GET /v0/healthz");
  }

  @Test
  void aDeniedSubmitNamesTheMissingCreatePermission() {
    proxy.answer("POST", "/v0/tasks", 403, "Forbidden");
    assertThatThrownBy(() -> client.submit(proxy.endpoint(), TASK, "mark-ready", "{}"))
        .isInstanceOfSatisfying(
            SidecarAccessDeniedException.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessageContaining("lacks 'create' on seinodetasks.sei.io")
        .hasMessageNotContaining(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "GET"})
  void anUnacceptedTokenIsWaitedOutNotFatal(String method) {
    proxy.answer(
        method, method.equals("POST") ? "/v0/tasks" : "/v0/tasks/" + TASK, 401, "Unauthorized");
    assertThatThrownBy(
            () -> {
              if (method.equals("POST")) {
                client.submit(proxy.endpoint(), TASK, "mark-ready", "{}");
              } else {
                client.get(proxy.endpoint(), TASK);
              }
            })
        .isInstanceOf(SidecarUnavailableException.class)
        .hasMessageContaining("answered 401")
        .hasMessageContaining("SEI_OPERATOR_TOKEN_FILE")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void aDeniedPollNamesTheMissingGetPermission() {
    int status = 403;
    proxy.answer("GET", "/v0/tasks/" + TASK, status, "Forbidden");
    assertThatThrownBy(() -> client.get(proxy.endpoint(), TASK))
        .isInstanceOf(SidecarAccessDeniedException.class)
        .hasMessageContaining("lacks 'get' on seinodetasks.sei.io")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void aRefusedTaskIsRejectedWithTheSidecarsReason() {
    proxy.answer("POST", "/v0/tasks", 400, "{\"error\":\"unknown task type warp\"}");
    assertThatThrownBy(() -> client.submit(proxy.endpoint(), TASK, "warp", "{}"))
        .isInstanceOf(SidecarRejectedException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("unknown task type warp");
  }
}
