package io.sei.operator.simulator.seid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sei.operator.simulator.net.HttpApi;
import io.sei.operator.simulator.net.HttpApi.Request;
import io.sei.operator.simulator.net.HttpApi.Response;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.seid.Peers.Peer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * seid's P2P port: what lets one node peer with another instead of with the chain. {@code GET
 * /status} answers as this node (its own node id and height), so a node dialling {@code
 * <id>@host:26656} identifies the node it reached; every other request ({@code /upgrades}, {@code
 * /followers}, {@code /signatures}, …) is forwarded unchanged to this node's own current upstream
 * peer and answered as that peer answers — a report's body, and so the reporting node's id, is
 * passed through as is (the chain's double-sign evidence depends on who signed). Without an
 * upstream yet the answer is 503; a request that already went through this node (two nodes peering
 * only with each other) is refused with 508 rather than forwarded in a circle.
 */
final class Relay implements HttpApi.Handler {

  /** The node ids a forwarded request went through, comma-separated. */
  static final String RELAYED_BY = "X-Sim-Relayed-By";

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final SimContext context;
  private final Supplier<String> nodeId;
  private final Supplier<Peer> upstream;
  private final Supplier<ObjectNode> status;

  Relay(
      SimContext context,
      Supplier<String> nodeId,
      Supplier<Peer> upstream,
      Supplier<ObjectNode> status) {
    this.context = context;
    this.nodeId = nodeId;
    this.upstream = upstream;
    this.status = status;
  }

  @Override
  public Response handle(Request request) {
    if (request.method().equals("GET") && request.path().equals("/status")) {
      return Response.json(200, status.get());
    }
    String via = request.header(RELAYED_BY);
    String self = nodeId.get();
    if (via != null && Arrays.asList(via.split(",")).contains(self)) {
      return Response.error(508, "relay loop: the request already went through " + self);
    }
    Peer peer = upstream.get();
    if (peer == null) {
      return Response.error(503, "node " + self + " has no upstream peer yet");
    }
    URI target = peer.url().resolve(request.path() + query(request.query()));
    try {
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(context.net().outbound(target))
              .timeout(TIMEOUT)
              .header(RELAYED_BY, via == null ? self : via + "," + self);
      if (request.method().equals("GET")) {
        forward.GET();
      } else {
        forward
            .header("Content-Type", "application/json")
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
      }
      HttpResponse<byte[]> reply =
          context.client().send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(
          reply.statusCode(),
          reply.headers().firstValue("Content-Type").orElse(null),
          reply.body());
    } catch (IOException | UncheckedIOException e) {
      return Response.error(502, "upstream " + peer + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.error(502, "interrupted");
    }
  }

  private static String query(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    return query.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
