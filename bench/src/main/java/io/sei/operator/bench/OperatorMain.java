package io.sei.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.runtime.OperatorRuntime;
import io.sei.operator.runtime.RuntimeOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator in a JVM of its own, so its heap and CPU time are its own (the benchmark's JVM also
 * runs the simulated kubelet and every simulated pod). Its API client counts every request ({@link
 * RequestCounter}); {@code GET /stats} on a loopback port (written to the port file) reports the
 * counts, the reconciles and the heap; {@code GET /gc} runs a full GC first, so the heap it reports
 * is what is live.
 *
 * <p>Arguments: {@code <kubeconfig> <namespace> <port-file> [KEY=VALUE platform setting ...]}.
 */
public final class OperatorMain {
  private static final Pattern RECONCILES =
      Pattern.compile("^sei_reconcile_seconds_count\\{kind=\"([^\"]+)\".*\\}\\s+([0-9.E]+)$");

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    Path kubeconfig = Path.of(args[0]);
    String namespace = args[1];
    Path portFile = Path.of(args[2]);
    Map<String, String> env = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      env.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    RequestCounter counter = new RequestCounter();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("bench-count", counter))
            .build();
    OperatorRuntime runtime =
        OperatorRuntime.start(
            client,
            PlatformConfig.fromEnvironment(env),
            new RuntimeOptions(
                false,
                0,
                0,
                Set.of(namespace),
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(200), Duration.ofMillis(500)),
                Clock.systemUTC()));

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heap-sampler");
              t.setDaemon(true);
              return t;
            })
        .scheduleAtFixedRate(
            () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
            0,
            100,
            TimeUnit.MILLISECONDS);

    ObjectMapper json = new ObjectMapper();
    HttpClient http = HttpClient.newHttpClient();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/stats",
        exchange -> {
          boolean gc = exchange.getRequestURI().getQuery() != null;
          if (gc) {
            System.gc();
          }
          Map<String, Object> stats = new LinkedHashMap<>();
          stats.put("requests", counter.snapshot());
          stats.put("reconciles", reconciles(http, runtime.metricsPort()));
          stats.put("heapUsedBytes", memory.getHeapMemoryUsage().getUsed());
          stats.put("heapPeakBytes", peak.get());
          stats.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
          stats.put("afterGc", gc);
          reply(exchange, json.writeValueAsBytes(stats));
        });
    server.start();
    Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(tmp, Integer.toString(server.getAddress().getPort()));
    Files.move(tmp, portFile);
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
    // Never outlive the benchmark, even if it is killed.
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    Thread.currentThread().join();
  }

  /** Reconciles so far by kind, from the operator's own {@code /metrics}. */
  private static Map<String, Long> reconciles(HttpClient http, int metricsPort) throws IOException {
    String text;
    try {
      text =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = RECONCILES.matcher(line.trim());
      if (m.matches()) {
        counts.put(m.group(1), (long) Double.parseDouble(m.group(2)));
      }
    }
    return counts;
  }

  private static void reply(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
