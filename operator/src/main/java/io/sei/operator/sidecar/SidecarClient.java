package io.sei.operator.sidecar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Client of the sidecar's v0 task API, always through the node's kube-rbac-proxy. Requests on
 * authenticated paths carry the operator's ServiceAccount token as a bearer token; the proxy
 * authenticates it and authorizes the verb its HTTP method maps to (POST {@code create}, GET {@code
 * get}) on {@code seinodetasks.sei.io}. Requests on the paths the proxy lets through
 * unauthenticated ({@code /v0/healthz}) carry no token: the proxy would pass it on to the sidecar
 * container untouched.
 */
public final class SidecarClient {
  static final String TASKS = "/v0/tasks";
  static final String HEALTH = "/v0/healthz";
  static final String NODE_ID = "/v0/node-id";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final HttpClient http;
  private final TokenFile token;
  private final Duration timeout;

  /**
   * @param timeout bound on connecting and on each request
   */
  public SidecarClient(TokenFile token, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    this.token = token;
    this.timeout = timeout;
  }

  /**
   * Submits a task ({@code POST /v0/tasks}); idempotent on {@code taskId}. The sidecar answers 201
   * to every accepted submission, a re-submission of a known id included; any other answer is an
   * error.
   *
   * @param paramsJson the task's params, a JSON object
   */
  public void submit(SidecarEndpoint endpoint, String taskId, String type, String paramsJson) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", taskId);
    body.put("type", type);
    body.set("params", paramsObject(paramsJson));
    HttpRequest request =
        request(endpoint, TASKS)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = send(endpoint, request);
    if (response.statusCode() != 201) {
      throw unexpected(endpoint, request, response);
    }
  }

  /**
   * The node's CometBFT node id ({@code GET /v0/node-id}, derived by the sidecar from {@code
   * config/node_key.json}). A node whose key does not exist yet answers 500: {@link
   * SidecarUnavailableException}, to be waited for.
   */
  public String nodeId(SidecarEndpoint endpoint) {
    HttpRequest request = request(endpoint, NODE_ID).GET().build();
    HttpResponse<String> response = send(endpoint, request);
    if (response.statusCode() != 200) {
      throw unexpected(endpoint, request, response);
    }
    String id = parse(endpoint, request, response).path("nodeId").asText("");
    if (!id.matches("[0-9a-f]{40}")) {
      throw rejected(
          endpoint, request, "answered a node id that is not 40 hex digits: '" + id + "'");
    }
    return id;
  }

  /**
   * The task {@code taskId} ({@code GET /v0/tasks/{id}}), empty when the sidecar does not know it
   * (404).
   */
  public Optional<SidecarTask> get(SidecarEndpoint endpoint, String taskId) {
    HttpRequest request = request(endpoint, TASKS + "/" + taskId).GET().build();
    HttpResponse<String> response = send(endpoint, request);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw unexpected(endpoint, request, response);
    }
    JsonNode task = parse(endpoint, request, response);
    String status = task.path("status").asText("");
    TaskState state =
        Arrays.stream(TaskState.values())
            .filter(s -> s.wireName().equals(status))
            .findFirst()
            .orElseThrow(
                () ->
                    rejected(
                        endpoint, request, "answered an unknown task status '" + status + "'"));
    return Optional.of(
        new SidecarTask(
            task.path("id").asText(taskId),
            task.path("type").asText(""),
            state,
            Optional.ofNullable(task.get("error"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)));
  }

  /**
   * Whether the sidecar is ready ({@code GET /v0/healthz}): 200 is ready, 503 is not ready yet (the
   * sidecar answers 503 until {@code mark-ready} ran).
   */
  public boolean health(SidecarEndpoint endpoint) {
    HttpRequest request = unauthenticated(endpoint, HEALTH).GET().build();
    HttpResponse<String> response = send(endpoint, request);
    return switch (response.statusCode()) {
      case 200 -> true;
      case 503 -> false;
      default -> throw unexpected(endpoint, request, response);
    };
  }

  private HttpRequest.Builder request(SidecarEndpoint endpoint, String path) {
    return unauthenticated(endpoint, path).header("Authorization", "Bearer " + token.token());
  }

  /** A request without credentials, for the paths the proxy passes through unauthenticated. */
  private HttpRequest.Builder unauthenticated(SidecarEndpoint endpoint, String path) {
    return HttpRequest.newBuilder(endpoint.uri(path))
        .timeout(timeout)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(SidecarEndpoint endpoint, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SidecarUnavailableException(
          describe(request) + " at " + endpoint + " failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SidecarUnavailableException(describe(request) + " was interrupted", e);
    }
  }

  private static SidecarException unexpected(
      SidecarEndpoint endpoint, HttpRequest request, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 401) {
      // A proxy that just started (a replaced pod) can refuse a valid token until its first
      // TokenReview goes through: wait and retry rather than fail the plan.
      return new SidecarUnavailableException(
          "kube-rbac-proxy at "
              + endpoint
              + " answered 401 to "
              + describe(request)
              + ": it did not accept the operator's token (a proxy that just started may not"
              + " verify tokens yet; if this persists, check the token file"
              + " SEI_OPERATOR_TOKEN_FILE)");
    }
    if (status == 403) {
      String verb = request.method().equals("POST") ? "create" : "get";
      return new SidecarAccessDeniedException(
          "kube-rbac-proxy at "
              + endpoint
              + " answered 403 to "
              + describe(request)
              + ": the operator's ServiceAccount lacks '"
              + verb
              + "' on seinodetasks.sei.io for this node; grant it in the operator's ClusterRole",
          status);
    }
    String detail = "answered " + status + ": " + abbreviate(response.body());
    if (status >= 500) {
      return new SidecarUnavailableException(describe(request) + " at " + endpoint + " " + detail);
    }
    return rejected(endpoint, request, detail);
  }

  private static SidecarRejectedException rejected(
      SidecarEndpoint endpoint, HttpRequest request, String detail) {
    return new SidecarRejectedException(describe(request) + " at " + endpoint + " " + detail);
  }

  private static JsonNode parse(
      SidecarEndpoint endpoint, HttpRequest request, HttpResponse<String> response) {
    JsonNode node;
    try {
      node = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw rejected(
          endpoint,
          request,
          "answered a body that is not a JSON object: " + abbreviate(response.body()));
    }
    return node;
  }

  private static JsonNode paramsObject(String paramsJson) {
    try {
      JsonNode params = JSON.readTree(paramsJson);
      if (params != null && params.isObject()) {
        return params;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("task params are not JSON: " + e.getOriginalMessage(), e);
    }
    throw new IllegalArgumentException("task params must be a JSON object");
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + request.uri().getPath();
  }

  private static String abbreviate(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_BODY_IN_MESSAGE
        ? flat
        : flat.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }
}
