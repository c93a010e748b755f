package io.sei.operator.simulator.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated chain: the peer network the nodes follow, and the snapshot bucket.
 *
 * <p>HTTP API: {@code GET /status} (CometBFT-shaped), {@code GET /upgrades}, {@code GET
 * /snapshot?atOrBelow=H}, {@code POST /followers} and {@code POST /signatures} (a node's progress
 * and its signatures), {@code GET /followers}, {@code GET /evidence}, {@code GET
 * /signatures?address=A}; and, as an S3-compatible store for any bucket name, {@code GET
 * /{bucket}?list-type=2&prefix=P} and {@code GET /{bucket}/{chainId}/state-sync/{height}.tar.gz},
 * {@code GET /{bucket}/{chainId}/genesis.json}.
 */
public final class Chain implements SimProcess {

  private final ChainConfig config;
  private final SimContext context;
  private final ChainLedger ledger;
  private final StopSignal stop = new StopSignal();
  private final CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();

  public Chain(ChainConfig config, SimContext context) {
    this.config = config;
    this.context = context;
    this.ledger = new ChainLedger(config, System::currentTimeMillis, context::log);
  }

  /** Completes with the bound address once the API listens. */
  public CompletableFuture<InetSocketAddress> listening() {
    return listening;
  }

  @Override
  public int run() {
    HttpApi api;
    try {
      api = HttpApi.start(context.net().listen(config.listen()), "sim-chain-http", 4, this::handle);
    } catch (IOException | IllegalArgumentException e) {
      context.fatal("ERROR chain: " + e.getMessage());
      listening.completeExceptionally(e);
      return ExitCodes.ERROR;
    }
    ScheduledExecutorService blocks =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sim-chain-blocks");
              thread.setDaemon(true);
              return thread;
            });
    try {
      context.log(
          "CHAIN listening="
              + api.hostPort()
              + " block_time_ms="
              + config.blockTimeMs()
              + " upgrades="
              + config.upgrades().size()
              + " snapshot_interval="
              + config.snapshotInterval());
      blocks.scheduleAtFixedRate(
          this::tick, config.blockTimeMs(), config.blockTimeMs(), TimeUnit.MILLISECONDS);
      listening.complete(api.address());
      stop.await();
      context.log("CHAIN stopped height=" + ledger.status().height());
      return ExitCodes.STOPPED;
    } finally {
      blocks.shutdownNow();
      api.close();
    }
  }

  private void tick() {
    try {
      ledger.tick();
    } catch (RuntimeException e) {
      context.fatal("ERROR chain block: " + e);
    }
  }

  @Override
  public void stop() {
    stop.raise();
  }

  private Response handle(Request request) throws Exception {
    String route = request.method() + " " + request.path();
    return switch (route) {
      case "GET /status" -> Response.json(200, status());
      case "GET /upgrades" -> Response.json(200, Map.of("upgrades", ledger.upgrades()));
      case "GET /snapshot" -> snapshot(request);
      case "POST /followers" -> report(request, false);
      case "POST /signatures" -> report(request, true);
      case "GET /followers" -> Response.json(200, Map.of("followers", ledger.followers()));
      case "GET /evidence" -> Response.json(200, Map.of("evidence", ledger.evidence()));
      case "GET /signatures" -> signatures(request);
      default -> request.method().equals("GET") ? bucket(request) : noRoute(route);
    };
  }

  private static Response noRoute(String route) {
    return Response.error(404, "no route " + route);
  }

  // The S3-compatible store, path style, for any bucket name and chain id (the real sidecar's
  // layout): GET /{bucket}?list-type=2&prefix=P lists <chainId>/state-sync/<height>.tar.gz, one
  // per snapshot the chain has taken (their body is the snapshot as JSON, not a tarball); GET
  // /{bucket}/{chainId}/genesis.json is {"chain_id": chainId}.
  private static final java.util.regex.Pattern SNAPSHOT_KEY =
      java.util.regex.Pattern.compile("[^/]+/state-sync/(\\d{1,18})\\.tar\\.gz");
  private static final java.util.regex.Pattern GENESIS_KEY =
      java.util.regex.Pattern.compile("([^/]+)/genesis\\.json");

  private Response bucket(Request request) {
    String path = request.path();
    int slash = path.indexOf('/', 1);
    String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
    if (bucket.isEmpty()) {
      return noRoute("GET " + path);
    }
    if (slash < 0 || slash == path.length() - 1) {
      return "2".equals(request.query().get("list-type"))
          ? listObjects(bucket, request.query().getOrDefault("prefix", ""))
          : noRoute("GET " + path);
    }
    String key = path.substring(slash + 1);
    java.util.regex.Matcher genesis = GENESIS_KEY.matcher(key);
    if (genesis.matches()) {
      return Response.json(200, Map.of("chain_id", genesis.group(1)));
    }
    java.util.regex.Matcher snapshot = SNAPSHOT_KEY.matcher(key);
    if (snapshot.matches()) {
      long height = Long.parseLong(snapshot.group(1));
      long interval = config.snapshotInterval();
      if (interval > 0 && height > 0 && height % interval == 0) {
        try {
          ChainLedger.Snapshot taken = ledger.snapshotAtOrBelow(height);
          if (taken.height() == height) {
            return Response.json(200, taken);
          }
        } catch (IllegalStateException none) {
          // not taken yet
        }
      }
    }
    return s3Error(404, "NoSuchKey", "The specified key does not exist.", "/" + bucket + "/" + key);
  }

  private Response listObjects(String bucket, String prefix) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
            .append("<Name>")
            .append(xmlText(bucket))
            .append("</Name><Prefix>")
            .append(xmlText(prefix))
            .append("</Prefix>");
    java.util.List<String> keys = new java.util.ArrayList<>();
    int cut = prefix.indexOf("/state-sync/");
    long interval = config.snapshotInterval();
    if (cut > 0 && prefix.indexOf('/') == cut && interval > 0) {
      String chainId = prefix.substring(0, cut);
      long height = ledger.status().height();
      for (long h = interval; h <= height; h += interval) {
        String key = chainId + "/state-sync/" + h + ".tar.gz";
        if (key.startsWith(prefix)) {
          keys.add(key);
        }
      }
    }
    xml.append("<KeyCount>")
        .append(keys.size())
        .append("</KeyCount><MaxKeys>")
        .append(Math.max(1000, keys.size()))
        .append("</MaxKeys><IsTruncated>false</IsTruncated>");
    for (String key : keys) {
      xml.append("<Contents><Key>").append(xmlText(key)).append("</Key></Contents>");
    }
    xml.append("</ListBucketResult>\n");
    return new Response(
        200, "application/xml", xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Response s3Error(int status, String code, String message, String resource) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message><Resource>"
            + xmlText(resource)
            + "</Resource></Error>\n";
    return new Response(
        status, "application/xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String xmlText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private ObjectNode status() {
    ChainLedger.Status status = ledger.status();
    ObjectNode root = Json.object();
    root.put("jsonrpc", "2.0");
    root.put("id", -1);
    ObjectNode result = root.putObject("result");
    ObjectNode nodeInfo = result.putObject("node_info");
    nodeInfo.put("id", config.nodeId());
    nodeInfo.put("network", "sei-sim");
    ObjectNode sync = result.putObject("sync_info");
    sync.put("latest_block_height", Long.toString(status.height()));
    sync.put("catching_up", false);
    ObjectNode sim = result.putObject("sim");
    sim.put("halted", status.haltedAt() != null);
    if (status.haltedAt() != null) {
      sim.put("halted_for_upgrade", status.haltedAt().name());
    }
    return root;
  }

  private Response snapshot(Request request) throws BadRequest {
    long target = Long.MAX_VALUE;
    String atOrBelow = request.query().get("atOrBelow");
    if (atOrBelow != null) {
      try {
        target = Long.parseLong(atOrBelow);
      } catch (NumberFormatException e) {
        throw new BadRequest("atOrBelow must be a height");
      }
    }
    try {
      return Response.json(200, ledger.snapshotAtOrBelow(target));
    } catch (IllegalStateException none) {
      return Response.error(404, none.getMessage());
    }
  }

  private Response report(Request request, boolean signature) throws BadRequest {
    JsonNode body;
    try {
      body = Json.parse(request.body());
    } catch (IOException e) {
      throw new BadRequest("body is not JSON");
    }
    String nodeId = body.path("nodeId").asText("");
    JsonNode heightNode = body.path("height");
    if (nodeId.isEmpty() || !heightNode.canConvertToLong()) {
      throw new BadRequest("expected {nodeId, version, height" + (signature ? ", address}" : "}"));
    }
    String address = signature ? body.path("address").asText("") : null;
    if (signature && address.isEmpty()) {
      throw new BadRequest("a signature needs an address");
    }
    long height =
        ledger.report(nodeId, body.path("version").asText(""), heightNode.asLong(), address);
    return Response.json(200, Map.of("latest_block_height", height));
  }

  private Response signatures(Request request) throws BadRequest {
    String address = request.query().get("address");
    if (address == null || address.isEmpty()) {
      throw new BadRequest("pass ?address=<validator address>");
    }
    return ledger
        .signer(address)
        .map(signer -> Response.json(200, signer))
        .orElseGet(() -> Response.json(200, new ChainLedger.Signer(address, 0, 0, Set.of())));
  }
}
