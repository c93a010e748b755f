package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.faults.FaultSource;
import io.sei.operator.simulator.faults.Faults;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.net.HostPort;
import io.sei.operator.simulator.net.HttpApi;
import io.sei.operator.simulator.net.HttpApi.BadRequest;
import io.sei.operator.simulator.net.HttpApi.Request;
import io.sei.operator.simulator.net.HttpApi.Response;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.proc.StopSignal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The simulated sidecar: the v0 task API whose task effects are real on the node's home. Readiness
 * lives in memory, so a restarted sidecar starts not ready.
 */
public final class Sidecar implements SimProcess {

  /** Paths kube-rbac-proxy lets through without authentication ({@code --ignore-paths}). */
  public static final Set<String> BYPASS_PATHS =
      Set.of("/v0/healthz", "/v0/startupz", "/v0/livez", "/v0/metrics");

  static final String REMOTE_USER = "X-Remote-User";
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final SidecarConfig config;
  private final SimContext context;
  private final FaultSource faults;
  private final TaskBoard tasks;
  private final StopSignal stop = new StopSignal();
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicLong requests = new AtomicLong();
  private final CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
  private int injected5xx;
  private int injected5xxBudget;

  public Sidecar(SidecarConfig config, SimContext context) {
    this.config = config;
    this.context = context;
    NodeHome home = new NodeHome(config.home().toString(), context.fs());
    this.faults = new FaultSource(new Faults(null, config.faults()), home.root(), context);
    TaskEnv env = new TaskEnv(home, context.http(), config.snapshotBucket(), this::markReady);
    this.tasks = new TaskBoard(env, faults);
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
    HttpApi api;
    try {
      api = HttpApi.start(context.net().listen(bindAddress()), "sim-sidecar-http", 4, this::handle);
    } catch (IOException | IllegalArgumentException e) {
      context.fatal("ERROR sidecar: " + e.getMessage());
      listening.completeExceptionally(e);
      tasks.close();
      return ExitCodes.ERROR;
    }
    try (api;
        tasks) {
      context.log(
          "SIDECAR listening="
              + api.hostPort()
              + " authn="
              + (config.trustedHeader() ? SidecarConfig.TRUSTED_HEADER : SidecarConfig.NO_AUTHN)
              + " home="
              + config.home());
      listening.complete(api.address());
      stop.await();
      context.log("SIDECAR stopped");
      return ExitCodes.STOPPED;
    }
  }

  /** In trusted-header mode the sidecar binds loopback whatever it was asked. */
  private String bindAddress() {
    HostPort asked = HostPort.parse(config.listen());
    if (!config.trustedHeader() || isLoopback(asked.host())) {
      return config.listen();
    }
    String loopback = new HostPort("127.0.0.1", asked.port()).toString();
    context.log("AUTHN trusted-header: binding loopback " + loopback + " instead of " + asked);
    return loopback;
  }

  private static boolean isLoopback(String host) {
    return host.startsWith("127.") || host.equals("localhost") || host.equals("::1");
  }

  private void markReady() {
    if (!ready.getAndSet(true)) {
      context.log("SIDECAR ready");
    }
  }

  private Response handle(Request request) throws BadRequest {
    requests.incrementAndGet();
    String path = request.path();
    if (config.trustedHeader() && !BYPASS_PATHS.contains(path)) {
      String user = request.header(REMOTE_USER);
      if (user == null || user.isBlank()) {
        return Response.error(401, "Unauthorized: no " + REMOTE_USER + " header");
      }
    }
    boolean api = path.equals("/v0/status") || path.startsWith("/v0/tasks");
    if (api && injectFailure()) {
      return Response.error(503, "injected fault: answering 5xx");
    }
    String method = request.method();
    switch (path) {
      case "/v0/healthz":
        return ready.get()
            ? Response.text(200, "ok\n")
            : Response.text(503, "not ready: mark-ready has not run\n");
      case "/v0/startupz":
      case "/v0/livez":
        return Response.text(200, "ok\n");
      case "/v0/metrics":
        return Response.text(200, metrics());
      case "/v0/status":
        return Response.json(200, Map.of("status", ready.get() ? "Ready" : "Initializing"));
      case "/v0/tasks":
        if (method.equals("POST")) {
          return submit(request);
        }
        return method.equals("GET")
            ? Response.json(200, tasks.list())
            : Response.error(405, method + " not allowed on " + path);
      default:
        if (path.startsWith("/v0/tasks/")) {
          return task(method, path.substring("/v0/tasks/".length()));
        }
        return Response.error(404, "no route " + path);
    }
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

  private Response submit(Request request) throws BadRequest {
    JsonNode body;
    try {
      body = Json.parse(request.body());
    } catch (IOException e) {
      throw new BadRequest("body is not JSON: " + e.getMessage());
    }
    if (!body.isObject()) {
      throw new BadRequest("expected {\"id\"?, \"type\", \"params\"}");
    }
    JsonNode idNode = body.path("id");
    String id;
    if (idNode.isMissingNode() || idNode.isNull()) {
      id = UUID.randomUUID().toString();
    } else if (idNode.isTextual() && TASK_ID.matcher(idNode.asText()).matches()) {
      id = idNode.asText();
    } else {
      throw new BadRequest("id must be a string such as a UUID");
    }
    JsonNode typeNode = body.path("type");
    if (!typeNode.isTextual()) {
      throw new BadRequest("type must be a string");
    }
    String type = typeNode.asText();
    SidecarTask.Parser parser =
        SidecarTask.parser(type).orElseThrow(() -> new BadRequest("unknown task type " + type));
    JsonNode params = body.path("params");
    if (params.isMissingNode() || params.isNull()) {
      params = Json.object();
    } else if (!params.isObject()) {
      throw new BadRequest("params must be an object");
    }
    TaskBoard.Submission submission = tasks.submit(id, type, params, parser.parse(params));
    if (submission.created()) {
      context.log("TASK submitted id=" + id + " type=" + type);
    }
    return Response.json(submission.created() ? 201 : 202, submission.task());
  }

  private Response task(String method, String id) {
    switch (method) {
      case "GET":
        JsonNode task = tasks.get(id);
        return task == null ? Response.error(404, "no task " + id) : Response.json(200, task);
      case "DELETE":
        return tasks.delete(id) ? Response.empty(204) : Response.error(404, "no task " + id);
      default:
        return Response.error(405, method + " not allowed on a task");
    }
  }

  private String metrics() {
    StringBuilder text = new StringBuilder();
    text.append("# HELP sei_sidecar_ready 1 once mark-ready has run.\n")
        .append("# TYPE sei_sidecar_ready gauge\n")
        .append("sei_sidecar_ready ")
        .append(ready.get() ? 1 : 0)
        .append('\n')
        .append("# HELP sei_sidecar_tasks Tasks known to the sidecar, by status.\n")
        .append("# TYPE sei_sidecar_tasks gauge\n");
    tasks
        .countsByStatus()
        .forEach(
            (status, count) ->
                text.append("sei_sidecar_tasks{status=\"")
                    .append(status)
                    .append("\"} ")
                    .append(count)
                    .append('\n'));
    text.append("# HELP sei_sidecar_requests_total HTTP requests served.\n")
        .append("# TYPE sei_sidecar_requests_total counter\n")
        .append("sei_sidecar_requests_total ")
        .append(requests.get())
        .append('\n');
    return text.toString();
  }
}
