package io.sei.operator.e2e.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The operator's snapshot bucket on the local backend: it relays every GET to the chain that is the
 * bucket now — the suite's shared chain, or a scenario's own chain while that scenario runs — so a
 * scenario can bring a chain with its own upgrade plan without restarting the operator.
 */
final class BucketRouter implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final HttpServer server;
  private final AtomicReference<URI> target;

  private BucketRouter(HttpServer server, URI target) {
    this.server = server;
    this.target = new AtomicReference<>(target);
  }

  static BucketRouter start(URI target) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    BucketRouter router = new BucketRouter(server, target);
    server.createContext("/", router::relay);
    server.start();
    return router;
  }

  /** The bucket URL to give the operator. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on the bucket is the chain at {@code chain}. */
  void routeTo(URI chain) {
    target.set(chain);
  }

  private void relay(HttpExchange exchange) throws IOException {
    int status;
    byte[] body;
    if (!"GET".equals(exchange.getRequestMethod())) {
      status = 405;
      body = "{\"error\":\"the bucket is read-only\"}".getBytes(StandardCharsets.UTF_8);
    } else {
      URI to = target.get().resolve(exchange.getRequestURI().toString());
      try {
        HttpResponse<byte[]> reply =
            HTTP.send(
                HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        status = reply.statusCode();
        body = reply.body();
      } catch (IOException e) {
        status = 502;
        body =
            ("{\"error\":\"chain " + to.getAuthority() + " unreachable\"}")
                .getBytes(StandardCharsets.UTF_8);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 503;
        body = "{\"error\":\"interrupted\"}".getBytes(StandardCharsets.UTF_8);
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
