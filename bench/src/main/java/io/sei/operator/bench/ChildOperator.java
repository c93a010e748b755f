package io.sei.operator.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The benchmark's handle on an {@link OperatorMain} process. */
public final class ChildOperator implements AutoCloseable {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private ChildOperator(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the operator watching {@code namespace} with the platform settings {@code env}; returns
   * once its informers are synced and its stats port is open.
   */
  public static ChildOperator start(
      Path kubeconfig, String namespace, Map<String, String> env, String heap, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path portFile = Files.createTempFile(workDir, "operator-port", "");
      Files.delete(portFile);
      Path log = Files.createTempFile(workDir, "operator-" + namespace + "-", ".log");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + heap);
      cmd.add("-Dlogback.configurationFile=" + Bench.OPERATOR_LOGBACK);
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(OperatorMain.class.getName());
      cmd.add(kubeconfig.toString());
      cmd.add(namespace);
      cmd.add(portFile.toString());
      env.forEach((k, v) -> cmd.add(k + "=" + v));
      Process process =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!Files.exists(portFile)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("the operator did not start; see " + log);
        }
        Thread.sleep(50);
      }
      return new ChildOperator(process, log, Integer.parseInt(Files.readString(portFile).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Counts and heap now. */
  public OperatorStats stats() {
    return fetch("/stats");
  }

  /** Counts now, and the heap live after a full GC. */
  public OperatorStats statsAfterGc() {
    return fetch("/stats?gc");
  }

  /** CPU time the operator's process has used (user + system). */
  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  private OperatorStats fetch(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readValue(response.body(), OperatorStats.class);
    } catch (IOException e) {
      throw new UncheckedIOException("operator stats (log " + log + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
