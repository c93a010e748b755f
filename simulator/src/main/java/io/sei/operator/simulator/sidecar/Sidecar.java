package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sei.operator.simulator.faults.FaultSource;
import io.sei.operator.simulator.faults.Faults;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.home.NodeKey;
import io.sei.operator.simulator.net.HttpApi;
import io.sei.operator.simulator.net.HttpApi.Request;
import io.sei.operator.simulator.net.HttpApi.Response;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.proc.StopSignal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated sidecar ({@code seictl serve}): the real sidecar's v0 HTTP API and task engine,
 * whose task effects are real files in the node's home. See {@code docs/simulator.md}.
 */
public final class Sidecar implements SimProcess {

  /** Paths that need no {@code X-Remote-User} in trusted-header mode (probes and metrics). */
  public static final Set<String> BYPASS_PATHS =
      Set.of("/v0/healthz", "/v0/startupz", "/v0/livez", "/v0/metrics");

  static final String REMOTE_USER = "X-Remote-User";
  static final String TASKS = "/v0/tasks";

  private final SidecarConfig config;
  private final SimContext context;
  private final NodeHome home;
  private final FaultSource faults;
  private final SidecarMetrics metrics = new SidecarMetrics();
  private final StopSignal stop = new StopSignal();
  private final CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
  private TaskEngine engine;
  private int injected5xx;
  private int injected5xxBudget;

  public Sidecar(SidecarConfig config, SimContext context) {
    this.config = config;
    this.context = context;
    this.home = new NodeHome(config.home(), context.fs());
    this.faults = new FaultSource(new Faults(null, config.faults()), home.root(), context);
  }

  /** Completes with the bound address once the API listens. */
  public CompletableFuture<InetSocketAddress> listening() {
    return listening;
  }

  @Override
  public void stop() {
    stop.raise();
  }

  @Override
  public int run() {
    TaskStore store;
    try {
      ensureDefaultConfig();
      store = TaskStore.open(home);
    } catch (IOException | RuntimeException e) {
      return fail("open result store: " + e.getMessage(), e);
    }
    TaskEnv env =
        new TaskEnv(
            home,
            config,
            new S3(config.s3Endpoint(), context.client(), context.net()),
            context.http());
    engine = new TaskEngine(store, env, faults, metrics, context::log);
    engine.rehydrate();
    HttpApi api;
    try {
      api =
          HttpApi.start(context.net().listen(config.listen()), "sim-sidecar-http", 4, this::handle);
    } catch (IOException | IllegalArgumentException e) {
      engine.close();
      return fail("server error: " + e.getMessage(), e);
    }
    try (api;
        TaskEngine closing = engine) {
      context.log(
          "SIDECAR listening="
              + api.hostPort()
              + " authn="
              + (config.trustedHeader()
                  ? SidecarConfig.TRUSTED_HEADER
                  : SidecarConfig.UNAUTHENTICATED)
              + " home="
              + config.home()
              + " chain="
              + config.chainId());
      listening.complete(api.address());
      stop.await();
      context.log("SIDECAR stopped");
      return ExitCodes.STOPPED;
    }
  }

  private int fail(String message, Exception e) {
    context.fatal("ERROR sidecar: " + message);
    listening.completeExceptionally(e);
    return ExitCodes.ERROR;
  }

  /** As the real sidecar at start: {@code config/} and {@code data/}, a default config.toml. */
  private void ensureDefaultConfig() throws IOException {
    Files.createDirectories(home.configTomlFile().getParent());
    Files.createDirectories(home.stateFile().getParent());
    if (!Files.exists(home.configTomlFile())) {
      home.writeBytes(
          home.configTomlFile(),
          "mode = \"full\"\n\n[p2p]\npersistent-peers = \"\"\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private Response handle(Request request) {
    String path = request.path();
    if (request.header("Authorization") != null) {
      // Behind kube-rbac-proxy no credential should ever arrive here: the proxy strips the bearer
      // token it authenticated and passes the ignored paths through as they came.
      metrics.credentialReceived(path);
      context.log("SIDECAR a request to " + path + " carried an Authorization header");
    }
    if (config.trustedHeader() && !BYPASS_PATHS.contains(path)) {
      Response rejected = authenticate(request);
      if (rejected != null) {
        return rejected;
      }
    }
    boolean api = path.equals("/v0/status") || path.equals(TASKS) || path.startsWith(TASKS + "/");
    if (api && injectFailure()) {
      return Response.error(503, "injected fault: answering 5xx");
    }
    String route = request.method() + " " + path;
    switch (route) {
      case "GET /v0/healthz", "GET /v0/startupz":
        return Response.empty(engine.ready() ? 200 : 503);
      case "GET /v0/livez":
        String broken = engine.livez();
        if (broken == null) {
          return Response.empty(200);
        }
        return "1".equals(request.query().get("verbose"))
            ? Response.error(503, broken)
            : Response.empty(503);
      case "GET /v0/metrics":
        return Response.text(200, metrics.text());
      case "GET /v0/status":
        return Response.json(200, Map.of("status", engine.ready() ? "Ready" : "Initializing"));
      case "GET /v0/node-id":
        return nodeId();
      case "POST " + TASKS:
        return submit(request);
      case "GET " + TASKS:
        ArrayNode list = Json.object().arrayNode();
        engine.recent().forEach(row -> list.add(row.json()));
        return Response.json(200, list);
      default:
        break;
    }
    if (path.startsWith(TASKS + "/") && path.indexOf('/', TASKS.length() + 1) < 0) {
      String id = path.substring(TASKS.length() + 1);
      if (!id.isEmpty()) {
        switch (request.method()) {
          case "GET":
            TaskStore.Row row = engine.get(id);
            return row == null
                ? Response.error(404, "task not found")
                : Response.json(200, row.json());
          case "DELETE":
            return delete(id);
          default:
            return Response.text(405, "Method Not Allowed\n");
        }
      }
    }
    if (List.of(
            "/v0/healthz",
            "/v0/startupz",
            "/v0/livez",
            "/v0/metrics",
            "/v0/status",
            "/v0/node-id",
            TASKS)
        .contains(path)) {
      return Response.text(405, "Method Not Allowed\n");
    }
    return Response.text(404, "404 page not found\n");
  }

  /** Exactly one non-empty {@code X-Remote-User}, or a 401 naming what is wrong. */
  private Response authenticate(Request request) {
    List<String> values = request.headers().get(REMOTE_USER);
    String reason;
    String message;
    if (values == null || values.isEmpty()) {
      reason = "missing_header";
      message = "missing " + REMOTE_USER + " header";
    } else if (values.size() > 1) {
      reason = "duplicate_header";
      message =
          "expected exactly one " + REMOTE_USER + " header — proxy must overwrite, not append";
    } else if (values.get(0).isEmpty()) {
      reason = "empty_header";
      message = "empty " + REMOTE_USER + " header";
    } else {
      return null;
    }
    metrics.rejected(reason);
    return Response.error(401, message);
  }

  private synchronized boolean injectFailure() {
    int budget = faults.current().sidecar().http5xx();
    if (budget != injected5xxBudget) {
      injected5xxBudget = budget;
      injected5xx = 0;
    }
    if (injected5xx < budget) {
      injected5xx++;
      return true;
    }
    return false;
  }

  private Response nodeId() {
    Optional<String> id;
    try {
      id = NodeKey.nodeId(home);
    } catch (IOException e) {
      return Response.error(500, "invalid Ed25519 key in node_key.json");
    }
    return id.map(nodeId -> Response.json(200, Map.of("nodeId", nodeId)))
        .orElseGet(
            () ->
                Response.error(
                    500, "node_key.json not found — generate-identity may not have run yet"));
  }

  /** {@code POST /v0/tasks}: decoded as the real server decodes its request struct. */
  private Response submit(Request request) {
    JsonNode body;
    try {
      body = Json.parse(request.body());
    } catch (IOException e) {
      return Response.error(400, "invalid request body");
    }
    if (body.isMissingNode()) {
      return Response.error(400, "invalid request body");
    }
    String id = null;
    String type = "";
    JsonNode params = null;
    if (!body.isNull()) {
      if (!body.isObject()) {
        return Response.error(400, "invalid request body");
      }
      JsonNode idNode = body.get("id");
      JsonNode typeNode = body.get("type");
      JsonNode paramsNode = body.get("params");
      if ((idNode != null && !idNode.isNull() && !idNode.isTextual())
          || (typeNode != null && !typeNode.isNull() && !typeNode.isTextual())
          || (paramsNode != null && !paramsNode.isNull() && !paramsNode.isObject())) {
        return Response.error(400, "invalid request body");
      }
      id = idNode == null || idNode.isNull() ? null : idNode.asText();
      type = typeNode == null || typeNode.isNull() ? "" : typeNode.asText();
      params = paramsNode == null || paramsNode.isNull() ? null : paramsNode;
    }
    if (type.isEmpty()) {
      return Response.error(400, "type is required");
    }
    try {
      return Response.json(201, Map.of("id", engine.submit(id, type, params)));
    } catch (TaskEngine.Rejected e) {
      return Response.error(400, e.getMessage());
    }
  }

  private Response delete(String id) {
    try {
      return engine.delete(id) ? Response.empty(204) : Response.error(404, "task not found");
    } catch (IOException e) {
      return new Response(
          503, "application/json", Json.bytes(Map.of("error", "failed to delete task; retry")));
    }
  }
}
