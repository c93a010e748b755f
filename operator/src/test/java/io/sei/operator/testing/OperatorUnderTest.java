package io.sei.operator.testing;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.runtime.OperatorRuntime;
import io.sei.operator.runtime.RuntimeOptions;
import io.sei.operator.simulator.cluster.OperatorRbac;
import io.sei.operator.simulator.cluster.SimulatedStorage;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The operator running in-process against the local control plane, as it runs outside a cluster:
 * sidecars by pod IP, and its own ServiceAccount (bound to the chart's ClusterRole) both for the
 * API server and as the bearer token kube-rbac-proxy checks. Watches only the test's namespace.
 */
public final class OperatorUnderTest implements AutoCloseable {
  public static final String PROXY_IMAGE = "quay.io/brancz/kube-rbac-proxy:v0.19.1";
  public static final String SIDECAR_IMAGE = "sei-sim:v1.0.0";
  public static final String SERVICE_ACCOUNT = "sei-operator";

  private final LocalCluster cluster;
  private final PlatformConfig config;
  private final KubernetesClient client;
  private final boolean leaderElection;
  private OperatorRuntime runtime;

  private OperatorUnderTest(
      LocalCluster cluster,
      PlatformConfig config,
      KubernetesClient client,
      boolean leaderElection) {
    this.cluster = cluster;
    this.config = config;
    this.client = client;
    this.leaderElection = leaderElection;
    this.runtime = startRuntime();
  }

  /**
   * Starts the operator for {@code cluster}'s namespace.
   *
   * @param extraEnv platform settings on top of the test defaults (e.g. SEI_S3_ENDPOINT)
   */
  public static OperatorUnderTest start(LocalCluster cluster, Map<String, String> extraEnv) {
    return start(cluster, extraEnv, false);
  }

  /**
   * Starts the operator for {@code cluster}'s namespace, electing a leader on the Lease {@code
   * sei-operator} in that namespace when {@code leaderElection} (as the chart's Role allows).
   */
  public static OperatorUnderTest start(
      LocalCluster cluster, Map<String, String> extraEnv, boolean leaderElection) {
    return start(cluster, extraEnv, leaderElection, null);
  }

  /**
   * Starts the operator for {@code cluster}'s namespace with {@code interceptor} (null: none) on
   * its client, e.g. a {@link StatusRace}.
   */
  public static OperatorUnderTest start(
      LocalCluster cluster,
      Map<String, String> extraEnv,
      boolean leaderElection,
      Interceptor interceptor) {
    String token = grant(cluster);
    Path tokenFile;
    try {
      tokenFile = Files.createTempFile("sei-operator-token", "");
      Files.writeString(tokenFile, token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("SEI_KUBE_RBAC_PROXY_IMAGE", PROXY_IMAGE);
    env.put("SEI_SIDECAR_IMAGE", SIDECAR_IMAGE);
    env.put("SEI_SIDECAR_ENDPOINT", "pod-ip");
    env.put("SEI_OPERATOR_TOKEN_FILE", tokenFile.toString());
    env.put("SEI_DATA_VOLUME_SIZE", "1Gi");
    env.put("SEI_POLL_INTERVAL", "1s");
    env.put("SEI_MIN_REQUEUE", "100ms");
    env.putAll(SimulatedStorage.operatorEnv(null));
    env.putAll(extraEnv);
    Config admin = cluster.client().getConfiguration();
    Config asOperator =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(admin.getMasterUrl())
            .withCaCertData(admin.getCaCertData())
            .withCaCertFile(admin.getCaCertFile())
            .withTrustCerts(admin.isTrustCerts())
            .withOauthToken(token)
            .withNamespace(cluster.namespace())
            .build();
    return new OperatorUnderTest(
        cluster,
        PlatformConfig.fromEnvironment(env),
        new KubernetesClientBuilder()
            .withConfig(asOperator)
            .withHttpClientBuilderConsumer(
                builder -> {
                  RbacUsage.recorder().accept(builder);
                  if (interceptor != null) {
                    builder.addOrReplaceInterceptor("test", interceptor);
                  }
                })
            .build(),
        leaderElection);
  }

  /**
   * Stops the operator, runs {@code whileStopped}, and starts a fresh one (new caches, no in-memory
   * state): it knows only what the cluster holds.
   */
  public void restart(Runnable whileStopped) {
    runtime.close();
    whileStopped.run();
    runtime = startRuntime();
  }

  /** The token of a ServiceAccount without the operator's grants, for the proxy to refuse. */
  public static String strangerToken(LocalCluster cluster) {
    cluster
        .client()
        .serviceAccounts()
        .inNamespace(cluster.namespace())
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("stranger")
                .endMetadata()
                .build())
        .create();
    return cluster.controlPlane().mintToken(cluster.namespace(), "stranger", Duration.ofHours(1));
  }

  /**
   * A new client with the operator's own credentials (its ServiceAccount token), for probing what
   * the operator may not do: its requests are not the operator's, so {@link RbacUsage} does not
   * record them. Close it after use.
   */
  public KubernetesClient probeClient() {
    return new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
  }

  /** The operator's {@code /metrics} text. */
  public String metrics() throws IOException, InterruptedException {
    return get(runtime.metricsPort(), "/metrics").body();
  }

  /** The status code of a health endpoint ({@code /healthz}, {@code /readyz}). */
  public int health(String path) throws IOException, InterruptedException {
    return get(runtime.healthPort(), path).statusCode();
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The operator's bearer token as the proxy receives it. */
  public String token() {
    try {
      return Files.readString(config.operatorTokenFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OperatorRuntime startRuntime() {
    return OperatorRuntime.start(
        client,
        config,
        new RuntimeOptions(
            leaderElection,
            0,
            0,
            Set.of(cluster.namespace()),
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(200), Duration.ofMillis(500)),
            Clock.systemUTC()));
  }

  /**
   * The operator's ServiceAccount, granted what the chart grants with {@code watchNamespaces} set
   * to the test's namespace: Roles there, cluster-wide only the node-proxy binding.
   */
  private static String grant(LocalCluster cluster) {
    String ns = cluster.namespace();
    OperatorRbac.install(cluster.client(), ns, SERVICE_ACCOUNT, rbacName(ns), Set.of(ns));
    return cluster.controlPlane().mintToken(ns, SERVICE_ACCOUNT, Duration.ofHours(1));
  }

  private static String rbacName(String namespace) {
    return "sei-operator-" + namespace;
  }

  @Override
  public void close() {
    runtime.close();
    client.close();
    OperatorRbac.uninstall(cluster.client(), rbacName(cluster.namespace()));
  }
}
