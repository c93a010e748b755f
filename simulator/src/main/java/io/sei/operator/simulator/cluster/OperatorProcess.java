package io.sei.operator.simulator.cluster;

import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operator jar as a separate process against the local control plane, as it would run in a
 * cluster but from outside it: it authenticates as the ServiceAccount {@code
 * sei-system/sei-operator} bound to exactly the chart's ClusterRole rules (so a permission the code
 * uses and the chart lacks fails here too), reaches sidecars by pod IP, and uses simulation
 * defaults: {@code sei-sim} sidecars, the real kube-rbac-proxy, short requeue intervals.
 */
public final class OperatorProcess implements AutoCloseable {
  public static final String NAMESPACE = "sei-system";
  public static final String SERVICE_ACCOUNT = "sei-operator";
  public static final String PROXY_IMAGE = "quay.io/brancz/kube-rbac-proxy:v0.19.1";
  public static final String SIDECAR_IMAGE = "sei-sim:v1.0.0";
  private static final int HEALTH_PORT = 8081;

  private final Process process;
  private final OrphanReaper reaper;
  private final Path log;

  private OperatorProcess(Process process, OrphanReaper reaper, Path log) {
    this.process = process;
    this.reaper = reaper;
    this.log = log;
  }

  /**
   * Starts {@code jar} and waits until its readiness endpoint answers.
   *
   * @param s3Endpoint the S3-compatible endpoint of the snapshot and genesis buckets (a chain's
   *     URL), or null
   */
  public static OperatorProcess start(LocalControlPlane cp, Path jar, String s3Endpoint)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          "operator jar " + jar + " not found: build it with ./mvnw -q -DskipTests package");
    }
    if (listening(HEALTH_PORT)) {
      // The jar serves /readyz on a fixed port: another operator there would answer for this one.
      throw new IOException(
          "port "
              + HEALTH_PORT
              + " is already in use (another operator running?): the operator serves its health"
              + " endpoints there");
    }
    Path dir = Files.createDirectories(cp.stateDir().resolve("operator"));
    String token = serviceAccountToken(cp);
    Path tokenFile = ownerOnly(dir.resolve("token"), token);
    Path kubeconfig =
        ownerOnly(
            dir.resolve("kubeconfig"),
            cp.kubeconfigFor(new AuthInfoBuilder().withToken(token).build(), NAMESPACE));
    Path log = Files.createDirectories(cp.stateDir().resolve("logs")).resolve("operator.log");

    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("SEI_KUBE_RBAC_PROXY_IMAGE", PROXY_IMAGE);
    env.put("SEI_SIDECAR_IMAGE", SIDECAR_IMAGE);
    env.put("SEI_SIDECAR_ENDPOINT", "pod-ip");
    env.put("SEI_OPERATOR_TOKEN_FILE", tokenFile.toString());
    env.put("SEI_DATA_VOLUME_SIZE", "1Gi");
    env.put("SEI_POLL_INTERVAL", "1s");
    env.put("SEI_MIN_REQUEUE", "50ms");
    env.put("SEI_LEADER_ELECTION", "false");
    env.putAll(SimulatedStorage.operatorEnv(s3Endpoint));
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    OperatorProcess operator = new OperatorProcess(p, OrphanReaper.watch(List.of(p.pid())), log);
    try {
      Waits.until("the operator's /readyz", Duration.ofSeconds(90), operator::ready);
    } catch (RuntimeException e) {
      operator.close();
      throw new IOException(
          "the operator did not become ready: " + e.getMessage() + "; see " + log, e);
    }
    return operator;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("it exited with " + process.exitValue());
    }
    try {
      HttpResponse<Void> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HEALTH_PORT + "/readyz"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The ServiceAccount, granted what the chart grants (cluster-wide); a token for it. */
  private static String serviceAccountToken(LocalControlPlane cp) {
    OperatorRbac.install(cp.client(), NAMESPACE, SERVICE_ACCOUNT, SERVICE_ACCOUNT, Set.of());
    return cp.mintToken(NAMESPACE, SERVICE_ACCOUNT, Duration.ofHours(24));
  }

  private static Path ownerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return file;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** The last lines of the operator's log (for diagnostics). */
  public List<String> tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    reaper.cancel();
  }
}
