package io.sei.operator.simulator.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.cli.SimLauncher;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.net.SimNet;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs simulated processes in-process, as the simulated kubelet will, and talks HTTP to them. */
public final class Sim implements AutoCloseable {

  public static final HttpClient CLIENT = SimHttp.newClient();

  private final List<Proc> started = new ArrayList<>();

  /** One started process with its captured output. */
  public static final class Proc {
    public final SimProcess process;
    public final RunningProcess running;
    private final ByteArrayOutputStream out;

    Proc(SimProcess process, RunningProcess running, ByteArrayOutputStream out) {
      this.process = process;
      this.running = running;
      this.out = out;
    }

    public String output() {
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }

    /** Waits for the exit code. */
    public int exitCode() {
      OptionalInt code = running.awaitExit(Duration.ofSeconds(20));
      if (code.isEmpty()) {
        throw new AssertionError("still running; output:\n" + output());
      }
      return code.getAsInt();
    }

    /** Waits until the output has a line matching {@code regex}; returns its first group. */
    public String awaitLine(String regex) {
      Pattern pattern = Pattern.compile(regex);
      String[] found = new String[1];
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                Matcher m = pattern.matcher(output());
                if (m.find()) {
                  found[0] = m.groupCount() > 0 ? m.group(1) : m.group();
                  return true;
                }
                return false;
              });
      return found[0];
    }

    public int stop() {
      return running.stop(Duration.ofSeconds(5)).orElseThrow();
    }
  }

  /**
   * The variables a sidecar refuses to start without, as tests give them: a sidecar started with
   * {@link #start} gets each one its test does not set (set one to {@code ""} to leave it unset).
   */
  public static final Map<String, String> SIDECAR_ENV =
      Map.of(
          "SEI_CHAIN_ID", "sei-test",
          "SEI_GENESIS_BUCKET", "sei-sim-genesis",
          "SEI_GENESIS_REGION", "local-1",
          "SEI_SNAPSHOT_BUCKET", "sei-sim-snapshots",
          "SEI_SNAPSHOT_REGION", "local-1");

  public Proc start(Map<String, String> env, String... args) {
    if (args.length > 0 && (args[0].equals("sidecar") || args[0].equals("serve"))) {
      Map<String, String> withDefaults = new HashMap<>(SIDECAR_ENV);
      withDefaults.putAll(env);
      env = withDefaults;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(new SyncStream(out), true, StandardCharsets.UTF_8);
    SimContext context = new SimContext(env, stream, stream, SimNet.IDENTITY, CLIENT);
    SimProcess process = SimLauncher.create(Arrays.asList(args), context);
    Proc proc = new Proc(process, RunningProcess.start("test-" + args[0], process), out);
    started.add(proc);
    return proc;
  }

  public Proc start(String... args) {
    return start(Map.of(), args);
  }

  /** A chain on a free loopback port; returns its base URL. */
  public String chain(String... extra) {
    List<String> args = new ArrayList<>(List.of("chain", "--listen", "127.0.0.1:0"));
    args.addAll(List.of(extra));
    Proc chain = start(args.toArray(String[]::new));
    return "http://" + chain.awaitLine("CHAIN listening=(\\S+)");
  }

  public static long chainHeight(String chainUrl) {
    return Long.parseLong(
        get(chainUrl + "/status")
            .path("result")
            .path("sync_info")
            .path("latest_block_height")
            .asText());
  }

  public static JsonNode get(String url) {
    return json(request(url, "GET", null, Map.of()));
  }

  public static HttpResponse<String> request(
      String url, String method, Object body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : new String(Json.bytes(body))));
    headers.forEach(builder::header);
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  public static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Override
  public void close() {
    for (Proc proc : started) {
      proc.running.stop(Duration.ofSeconds(5));
    }
  }

  /** Serialises writes from several threads into one buffer. */
  private static final class SyncStream extends java.io.OutputStream {
    private final ByteArrayOutputStream target;

    SyncStream(ByteArrayOutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      synchronized (target) {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (target) {
        target.write(b, off, len);
      }
    }
  }
}
