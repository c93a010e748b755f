package io.sei.operator.simulator.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        ownerOnly(dir.resolve("kubeconfig"), tokenKubeconfig(cp.kubeconfigYaml(), token));
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

  /** The ServiceAccount, bound to the chart's ClusterRole rules; a token for it. */
  private static String serviceAccountToken(LocalControlPlane cp) {
    KubernetesClient client = cp.client();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .createOr(existing -> existing.update());
    client
        .serviceAccounts()
        .inNamespace(NAMESPACE)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    client
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(SERVICE_ACCOUNT)
                .endMetadata()
                .withRules(chartRules("clusterrole-rules.yaml"))
                .build())
        .createOr(existing -> existing.update());
    client
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(SERVICE_ACCOUNT)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", SERVICE_ACCOUNT)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(SERVICE_ACCOUNT)
                .withNamespace(NAMESPACE)
                .endSubject()
                .build())
        .createOr(existing -> existing.update());
    return cp.mintToken(NAMESPACE, SERVICE_ACCOUNT, Duration.ofHours(24));
  }

  static List<PolicyRule> chartRules(String file) {
    try (InputStream in = OperatorProcess.class.getResourceAsStream("/operator-rbac/" + file)) {
      if (in == null) {
        throw new IllegalStateException("operator-rbac/" + file + " is not on the classpath");
      }
      return Serialization.unmarshal(in, new TypeReference<List<PolicyRule>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path ownerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return file;
  }

  /** The admin kubeconfig's server and CA, authenticated by the ServiceAccount token instead. */
  static String tokenKubeconfig(String adminKubeconfig, String token) {
    io.fabric8.kubernetes.api.model.Config admin =
        KubeConfigUtils.parseConfigFromString(adminKubeconfig);
    var cluster = admin.getClusters().get(0).getCluster();
    io.fabric8.kubernetes.api.model.Config config =
        new io.fabric8.kubernetes.api.model.ConfigBuilder()
            .withClusters(
                new NamedClusterBuilder()
                    .withName("local")
                    .withNewCluster()
                    .withServer(cluster.getServer())
                    .withCertificateAuthorityData(cluster.getCertificateAuthorityData())
                    .withCertificateAuthority(cluster.getCertificateAuthority())
                    .withInsecureSkipTlsVerify(cluster.getInsecureSkipTlsVerify())
                    .endCluster()
                    .build())
            .withUsers(
                new NamedAuthInfoBuilder()
                    .withName(SERVICE_ACCOUNT)
                    .withNewUser()
                    .withToken(token)
                    .endUser()
                    .build())
            .withContexts(
                new NamedContextBuilder()
                    .withName("operator")
                    .withNewContext()
                    .withCluster("local")
                    .withUser(SERVICE_ACCOUNT)
                    .withNamespace(NAMESPACE)
                    .endContext()
                    .build())
            .withCurrentContext("operator")
            .build();
    return Serialization.asYaml(config);
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
