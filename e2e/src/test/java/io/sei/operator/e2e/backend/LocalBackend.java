package io.sei.operator.e2e.backend;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.runtime.OperatorRuntime;
import io.sei.operator.runtime.RuntimeOptions;
import io.sei.operator.simulator.cluster.LocalControlPlane;
import io.sei.operator.simulator.cluster.OperatorRbac;
import io.sei.operator.simulator.cluster.SimulatedStorage;
import io.sei.operator.simulator.kubelet.KubeletSettings;
import io.sei.operator.simulator.kubelet.SimulatedKubelet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default backend, without Docker: the local control plane (real etcd, kube-apiserver,
 * kube-controller-manager) with the simulated kubelet, a simulated chain on the host's loopback and
 * the operator in-process. The operator runs as it does outside a cluster: it reaches sidecars by
 * pod IP and authenticates — to the API server and to every kube-rbac-proxy — with a real token of
 * its ServiceAccount, bound to the chart's own RBAC rules.
 */
public final class LocalBackend implements ClusterBackend {
  /** The operator's namespace and ServiceAccount, as the chart names them. */
  public static final String OPERATOR = "sei-operator";

  public static final String PROXY_IMAGE = "quay.io/brancz/kube-rbac-proxy:v0.19.1";
  public static final String SIDECAR_IMAGE = "sei-sim:v6.3.0";

  private final LocalControlPlane controlPlane;
  private final SimulatedKubelet kubelet;
  private final LocalChain chain;
  private final BucketRouter bucket;
  private final KubernetesClient operatorClient;
  private final Path tokenFile;
  private volatile OperatorRuntime operator;

  private LocalBackend(
      LocalControlPlane controlPlane,
      SimulatedKubelet kubelet,
      LocalChain chain,
      BucketRouter bucket,
      KubernetesClient operatorClient,
      Path tokenFile) {
    this.controlPlane = controlPlane;
    this.kubelet = kubelet;
    this.chain = chain;
    this.bucket = bucket;
    this.operatorClient = operatorClient;
    this.tokenFile = tokenFile;
    this.operator = startOperator(operatorClient, tokenFile, bucket.url());
  }

  /** Starts everything; stops what it started if a later piece fails. */
  public static LocalBackend start() {
    LocalControlPlane cp = LocalControlPlane.start(System.out);
    SimulatedKubelet kubelet = null;
    LocalChain chain = null;
    BucketRouter bucket = null;
    try {
      cp.installCrds();
      kubelet =
          SimulatedKubelet.start(cp, KubeletSettings.defaults(), cp.stateDir().resolve("kubelet"));
      chain = LocalChain.start("e2e-chain", SimulatedChain.Plan.SHARED);
      bucket = BucketRouter.start(chain.url());
      String token = operatorAccount(cp);
      Path tokenFile = Files.createTempFile("sei-operator-token", "");
      Files.writeString(tokenFile, token);
      KubernetesClient asOperator = clientWithToken(cp.client(), token);
      return new LocalBackend(cp, kubelet, chain, bucket, asOperator, tokenFile);
    } catch (IOException e) {
      stopAll(cp, kubelet, chain, bucket);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      stopAll(cp, kubelet, chain, bucket);
      throw e;
    }
  }

  /** The in-process operator, watching all namespaces, as the chart configures it. */
  private static OperatorRuntime startOperator(
      KubernetesClient asOperator, Path tokenFile, URI s3Endpoint) {
    Map<String, String> env = new HashMap<>(SimulatedStorage.operatorEnv(s3Endpoint.toString()));
    env.putAll(
        Map.of(
            "SEI_KUBE_RBAC_PROXY_IMAGE",
            PROXY_IMAGE,
            "SEI_SIDECAR_IMAGE",
            SIDECAR_IMAGE,
            "SEI_SIDECAR_ENDPOINT",
            "pod-ip",
            "SEI_OPERATOR_TOKEN_FILE",
            tokenFile.toString(),
            "SEI_DATA_VOLUME_SIZE",
            "1Gi",
            "SEI_POLL_INTERVAL",
            "1s",
            "SEI_MIN_REQUEUE",
            "100ms"));
    return OperatorRuntime.start(
        asOperator,
        PlatformConfig.fromEnvironment(env),
        new RuntimeOptions(
            false,
            0,
            0,
            Set.of(),
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(200), Duration.ofMillis(500)),
            Clock.systemUTC()));
  }

  /**
   * The operator's ServiceAccount in its own namespace, granted what the chart grants
   * (cluster-wide); returns a token of it.
   */
  private static String operatorAccount(LocalControlPlane cp) {
    OperatorRbac.install(cp.client(), OPERATOR, OPERATOR, OPERATOR, Set.of());
    return cp.mintToken(OPERATOR, OPERATOR, Duration.ofHours(2));
  }

  private static KubernetesClient clientWithToken(KubernetesClient admin, String token) {
    Config config = admin.getConfiguration();
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(Config.empty())
                .withMasterUrl(config.getMasterUrl())
                .withCaCertData(config.getCaCertData())
                .withCaCertFile(config.getCaCertFile())
                .withTrustCerts(config.isTrustCerts())
                .withOauthToken(token)
                .build())
        .build();
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public KubernetesClient client() {
    return controlPlane.client();
  }

  @Override
  public SimulatedChain chain() {
    return chain;
  }

  /** A chain in this JVM; the bucket relays to it until it is closed. */
  @Override
  public SimulatedChain.Own startOwnChain(String name, SimulatedChain.Plan plan) {
    LocalChain own = LocalChain.start(name, plan);
    bucket.routeTo(own.url());
    return SimulatedChain.Own.of(
        own,
        () -> {
          bucket.routeTo(chain.url());
          own.stop();
        });
  }

  @Override
  public void restartOperator(Runnable whileDown) {
    operator.close();
    try {
      whileDown.run();
    } finally {
      operator = startOperator(operatorClient, tokenFile, bucket.url());
    }
  }

  @Override
  public String operatorMetrics() {
    return BackendHttp.get(URI.create("http://127.0.0.1:" + operator.metricsPort() + "/metrics"));
  }

  /** Claimed volumes are hostPath directories of this host: write there. */
  @Override
  public void writeVolumeFile(String namespace, String claim, String file, String content) {
    String volume =
        client()
            .persistentVolumeClaims()
            .inNamespace(namespace)
            .withName(claim)
            .get()
            .getSpec()
            .getVolumeName();
    if (volume == null) {
      throw new IllegalStateException("claim " + namespace + "/" + claim + " is not bound yet");
    }
    Path dir =
        Path.of(
            client().persistentVolumes().withName(volume).get().getSpec().getHostPath().getPath());
    try {
      Files.writeString(dir.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pods have their own loopback addresses here, reachable from the test. */
  @Override
  public String podHttpGet(String namespace, String pod, int port, String path) {
    return BackendHttp.get(URI.create(podUrl(namespace, pod, port, path)));
  }

  private String podUrl(String namespace, String pod, int port, String path) {
    String ip = client().pods().inNamespace(namespace).withName(pod).get().getStatus().getPodIP();
    if (ip == null) {
      throw new IllegalStateException("pod " + namespace + "/" + pod + " has no IP yet");
    }
    return "http://" + ip + ":" + port + path;
  }

  @Override
  public int podHttpStatus(
      String namespace, String pod, int port, String path, String token, String body) {
    return BackendHttp.status(URI.create(podUrl(namespace, pod, port, path)), token, body);
  }

  @Override
  public List<String> containerLog(String namespace, String pod, String container, int lines) {
    return kubelet
        .logFile(namespace, pod, container)
        .filter(Files::exists)
        .map(file -> LogLines.last(file, lines))
        .orElse(List.of());
  }

  @Override
  public LogCursor operatorLog() {
    return LogLines.operatorLines();
  }

  @Override
  public void close() {
    operator.close();
    operatorClient.close();
    stopAll(controlPlane, kubelet, chain, bucket);
  }

  private static void stopAll(
      LocalControlPlane cp, SimulatedKubelet kubelet, LocalChain chain, BucketRouter bucket) {
    if (bucket != null) {
      bucket.close();
    }
    if (chain != null) {
      chain.stop();
    }
    if (kubelet != null) {
      kubelet.close();
    }
    cp.close();
  }
}
