package io.sei.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sei.operator.metrics.OperatorMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoints: {@code /metrics} (Prometheus text) on the metrics port, {@code
 * /healthz} (the process serves) and {@code /readyz} (the controllers started) on the health port.
 */
final class HttpEndpoints implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer metrics;
  private final HttpServer health;

  private HttpEndpoints(HttpServer metrics, HttpServer health) {
    this.metrics = metrics;
    this.health = health;
  }

  static HttpEndpoints start(
      int metricsPort, int healthPort, OperatorMetrics registry, BooleanSupplier ready) {
    HttpServer metrics = server(metricsPort);
    metrics.createContext("/metrics", e -> answer(e, 200, PROMETHEUS_TEXT, registry::scrape));
    HttpServer health = server(healthPort);
    health.createContext("/healthz", e -> answer(e, 200, "text/plain", () -> "ok"));
    health.createContext(
        "/readyz",
        e -> {
          boolean isReady = ready.getAsBoolean();
          answer(e, isReady ? 200 : 503, "text/plain", () -> isReady ? "ready" : "starting");
        });
    metrics.start();
    health.start();
    return new HttpEndpoints(metrics, health);
  }

  int metricsPort() {
    return metrics.getAddress().getPort();
  }

  int healthPort() {
    return health.getAddress().getPort();
  }

  private static HttpServer server(int port) {
    try {
      return HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  private static void answer(
      HttpExchange exchange, int status, String contentType, Supplier<String> body)
      throws IOException {
    try (exchange) {
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    metrics.stop(0);
    health.stop(0);
  }
}
