package io.sei.operator.simulator.net;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-over-HTTP server on the JDK's {@link HttpServer}, with its own small pool of daemon
 * threads. {@link #close()} stops the listener and the threads at once.
 */
public final class HttpApi implements AutoCloseable {

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request) throws Exception;
  }

  /** One request, read whole. */
  public record Request(
      String method, String path, Map<String, String> query, Headers headers, byte[] body) {

    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** One answer. */
  public record Response(int status, String contentType, byte[] body) {

    public static Response json(int status, Object value) {
      return new Response(status, "application/json", Json.bytes(value));
    }

    public static Response text(int status, String text) {
      return new Response(
          status,
          "text/plain; version=0.0.4; charset=utf-8",
          text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response empty(int status) {
      return new Response(status, null, new byte[0]);
    }

    public static Response error(int status, String message) {
      return json(status, Map.of("error", message));
    }
  }

  /** Thrown by a handler to answer 400 with {@code message}. */
  public static final class BadRequest extends Exception {
    public BadRequest(String message) {
      super(message);
    }
  }

  static {
    // The JDK server leaves Nagle's algorithm on by default, which with delayed ACKs costs ~40 ms
    // per keep-alive request. Read once, when the first server of the JVM is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code address} and starts serving with {@code threads} daemon threads named {@code
   * name-N}.
   */
  public static HttpApi start(InetSocketAddress address, String name, int threads, Handler handler)
      throws IOException {
    AtomicInteger counter = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpServer server;
    try {
      server = HttpServer.create(address, 64);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
    return new HttpApi(server, executor);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@code host:port} actually bound (resolves port 0). */
  public String hostPort() {
    InetSocketAddress address = server.getAddress();
    return new HostPort(address.getAddress().getHostAddress(), address.getPort()).toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      Response response;
      try {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Request request =
            new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                query(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders(),
                body);
        response = handler.handle(request);
      } catch (BadRequest e) {
        response = Response.error(400, e.getMessage());
      } catch (Exception e) {
        response = Response.error(500, String.valueOf(e.getMessage()));
      }
      if (response.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
      }
      if (response.body().length == 0) {
        exchange.sendResponseHeaders(response.status(), -1);
      } else {
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return result;
  }
}
