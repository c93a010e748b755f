package io.sei.operator.e2e.backend;

import com.dajudge.kindcontainer.KindContainer;
import com.dajudge.kindcontainer.KindContainerVersion;
import com.dajudge.kindcontainer.helm.Helm3Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.sei.operator.e2e.Waits;
import io.sei.operator.simulator.cluster.SimulatedStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.utility.MountableFile;

/**
 * The features on a real kubelet: a kind cluster (kindcontainer, needs a privileged Docker engine),
 * the simulator and operator images built by Jib as tarballs and imported into the node as {@code
 * kind load} does, the real kube-rbac-proxy image pulled by the node, the operator installed from
 * the Helm chart and a simulated chain as a Deployment behind a Service.
 */
public final class KindBackend implements ClusterBackend {
  static final String OPERATOR = "sei-operator";
  static final String CHAIN_NAMESPACE = "sei-chain";
  static final String CHAIN = "sei-chain";
  static final String SIM_IMAGE = "sei-sim:v6.3.0";
  static final int CHAIN_PORT = 26657;
  private static final String CHAIN_NODE_ID =
      io.sei.operator.simulator.chain.ChainConfig.DEFAULT_NODE_ID;

  private final KindContainer<?> kind;
  private final KubernetesClient client;

  private KindBackend(KindContainer<?> kind, KubernetesClient client) {
    this.kind = kind;
    this.client = client;
  }

  /** Why this backend cannot run on this machine, if it cannot. */
  public static Optional<String> whyUnavailable() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.of(
          "kind backend skipped: no Docker engine is reachable (Testcontainers found none);"
              + " kindcontainer needs a privileged Docker engine");
    }
    return Optional.empty();
  }

  /** The image tarballs Jib wrote: every {@code sei-sim-*.tar} and the operator's. */
  static List<Path> imageTarballs() {
    Path operator = RepoFiles.path("operator/target/jib-image.tar");
    Path sim = RepoFiles.path("simulator/target/sei-sim-v6.3.0.tar");
    if (!Files.exists(operator) || !Files.exists(sim)) {
      throw new IllegalStateException(
          "the kind backend loads Jib image tarballs; build them first: ./mvnw -B -pl"
              + " simulator,operator jib:buildTar -Dsim.version=v6.3.0 (missing "
              + (Files.exists(operator) ? sim : operator)
              + ")");
    }
    List<Path> tarballs = new ArrayList<>();
    tarballs.add(operator);
    try (Stream<Path> files = Files.list(RepoFiles.path("simulator/target"))) {
      files
          .filter(f -> f.getFileName().toString().matches("sei-sim-.+\\.tar"))
          .forEach(tarballs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tarballs;
  }

  public static KindBackend start() {
    List<Path> tarballs = imageTarballs();
    KindContainer<?> kind = new KindContainer<>(KindContainerVersion.VERSION_1_33_4);
    kind.start();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(kind.getKubeconfig()))
            .build();
    try {
      tarballs.forEach(tarball -> load(kind, tarball));
      startChain(client, CHAIN, SimulatedChain.Plan.SHARED);
      installOperator(kind);
      awaitOperatorRolledOut(client, "from the Helm chart");
      return new KindBackend(kind, client);
    } catch (RuntimeException e) {
      client.close();
      kind.stop();
      throw e;
    }
  }

  /** What {@code kind load image-archive} does: copy the tarball into the node, import it. */
  private static void load(KindContainer<?> kind, Path tarball) {
    String inNode = "/tmp/" + tarball.getFileName();
    kind.copyFileToContainer(MountableFile.forHostPath(tarball), inNode);
    exec(kind, "ctr", "--namespace=k8s.io", "images", "import", inNode);
  }

  private static void exec(org.testcontainers.containers.GenericContainer<?> c, String... cmd) {
    try {
      Container.ExecResult result = c.execInContainer(cmd);
      if (result.getExitCode() != 0) {
        throw new IllegalStateException(
            String.join(" ", cmd) + " exited " + result.getExitCode() + ": " + result.getStderr());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", cmd), e);
    }
  }

  /**
   * A chain Deployment {@code name} behind a Service of the same name, in {@value
   * #CHAIN_NAMESPACE}.
   */
  private static void startChain(KubernetesClient client, String name, SimulatedChain.Plan plan) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(CHAIN_NAMESPACE)
                .endMetadata()
                .build())
        .serverSideApply();
    Map<String, String> labels = Map.of("app", name);
    List<String> args = new ArrayList<>(List.of("chain", "--listen", "0.0.0.0:" + CHAIN_PORT));
    args.addAll(
        List.of(
            "--block-time-ms",
            String.valueOf(plan.blockTimeMs()),
            "--snapshot-interval",
            String.valueOf(plan.snapshotInterval())));
    plan.upgrades().forEach(u -> args.addAll(List.of("--upgrade", u)));
    if (plan.resumesOnItsOwn()) {
      args.addAll(List.of("--resume-after-upgrade-ms", "0"));
    }
    client
        .apps()
        .deployments()
        .inNamespace(CHAIN_NAMESPACE)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("chain")
                .withImage(SIM_IMAGE)
                .withImagePullPolicy("IfNotPresent")
                .withArgs(args)
                .addNewPort()
                .withContainerPort(CHAIN_PORT)
                .endPort()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .serverSideApply();
    client
        .services()
        .inNamespace(CHAIN_NAMESPACE)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withSelector(labels)
                .addNewPort()
                .withPort(CHAIN_PORT)
                .withTargetPort(new IntOrString(CHAIN_PORT))
                .endPort()
                .endSpec()
                .build())
        .serverSideApply();
  }

  private static String chainUrl(String name) {
    return "http://" + name + "." + CHAIN_NAMESPACE + ".svc:" + CHAIN_PORT;
  }

  /** {@code helm install} of deploy/helm/sei-operator with the e2e settings. */
  private static void installOperator(KindContainer<?> kind) {
    Helm3Container<?> helm = kind.helm3();
    String chart = "/charts/sei-operator";
    helm.copyFileToContainer(
        MountableFile.forHostPath(RepoFiles.path("deploy/helm/sei-operator")), chart);
    try {
      helm.install
          .namespace(OPERATOR)
          .createNamespace()
          .set("config.SEI_SIDECAR_IMAGE", SIM_IMAGE)
          .set("config.SEI_S3_ENDPOINT", chainUrl(CHAIN))
          .set("config.SEI_GENESIS_BUCKET", SimulatedStorage.GENESIS_BUCKET)
          .set("config.SEI_GENESIS_REGION", SimulatedStorage.REGION)
          .set("config.SEI_SNAPSHOT_BUCKET", SimulatedStorage.SNAPSHOT_BUCKET)
          .set("config.SEI_SNAPSHOT_REGION", SimulatedStorage.REGION)
          .set("config.SEI_DATA_VOLUME_SIZE", "1Gi")
          .set("config.SEI_SEID_REQUESTS", "none")
          .set("config.SEI_SEID_LIMITS", "none")
          .set("config.SEI_SIDECAR_REQUESTS", "none")
          .set("config.SEI_SIDECAR_LIMITS", "none")
          .set("config.SEI_PROXY_REQUESTS", "none")
          .set("config.SEI_PROXY_LIMITS", "none")
          .set("config.SEI_POLL_INTERVAL", "1s")
          .run(OPERATOR, chart);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted installing the chart", e);
    } catch (com.dajudge.kindcontainer.exception.ExecutionException e) {
      throw new IllegalStateException("helm install of the operator chart failed", e);
    }
  }

  @Override
  public String name() {
    return "kind";
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public SimulatedChain chain() {
    return new InClusterChain(CHAIN);
  }

  /**
   * A chain Deployment of its own; the operator's Deployment is pointed at it as the snapshot
   * bucket (a rollout) and pointed back when it is closed.
   */
  @Override
  public SimulatedChain.Own startOwnChain(String name, SimulatedChain.Plan plan) {
    startChain(client, name, plan);
    useSnapshotBucket(chainUrl(name));
    return SimulatedChain.Own.of(
        new InClusterChain(name),
        () -> {
          useSnapshotBucket(chainUrl(CHAIN));
          client.apps().deployments().inNamespace(CHAIN_NAMESPACE).withName(name).delete();
          client.services().inNamespace(CHAIN_NAMESPACE).withName(name).delete();
        });
  }

  /** Sets the operator's S3 endpoint ({@code SEI_S3_ENDPOINT}) and waits for the rollout. */
  private void useSnapshotBucket(String url) {
    var deployment = client.apps().deployments().inNamespace(OPERATOR).withName(OPERATOR);
    deployment.edit(
        d -> {
          d.getSpec().getTemplate().getSpec().getContainers().stream()
              .flatMap(c -> c.getEnv().stream())
              .filter(e -> SimulatedStorage.ENDPOINT_VARIABLE.equals(e.getName()))
              .forEach(e -> e.setValue(url));
          return d;
        });
    awaitOperatorRolledOut(client, "with S3 endpoint " + url);
  }

  /**
   * Waits until the operator Deployment has rolled out its latest spec: observed, its one replica
   * updated and available.
   */
  private static void awaitOperatorRolledOut(KubernetesClient client, String what) {
    var deployment = client.apps().deployments().inNamespace(OPERATOR).withName(OPERATOR);
    Waits.eventually(
        "the operator Deployment to roll out " + what,
        Duration.ofMinutes(3),
        () -> {
          var d = deployment.get();
          return d != null
              && d.getStatus() != null
              && d.getMetadata().getGeneration().equals(d.getStatus().getObservedGeneration())
              && Integer.valueOf(1).equals(d.getStatus().getUpdatedReplicas())
              && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas());
        });
  }

  /** A chain Deployment in {@value #CHAIN_NAMESPACE}, read through a port-forward of its pod. */
  private final class InClusterChain implements SimulatedChain {
    private final String name;

    InClusterChain(String name) {
      this.name = name;
    }

    @Override
    public String peer() {
      return CHAIN_NODE_ID + "@" + name + "." + CHAIN_NAMESPACE + ".svc:" + CHAIN_PORT;
    }

    @Override
    public String get(String path) {
      Pod pod =
          client
              .pods()
              .inNamespace(CHAIN_NAMESPACE)
              .withLabel("app", name)
              .list()
              .getItems()
              .stream()
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no pod of chain " + name));
      return podHttpGet(CHAIN_NAMESPACE, pod.getMetadata().getName(), CHAIN_PORT, path);
    }
  }

  /** Scales the chart's Deployment to 0 and back to 1. */
  @Override
  public void restartOperator(Runnable whileDown) {
    var deployment = client.apps().deployments().inNamespace(OPERATOR).withName(OPERATOR);
    deployment.scale(0);
    Waits.eventually(
        "the operator's pods to be gone", Duration.ofMinutes(2), () -> operatorPods().isEmpty());
    try {
      whileDown.run();
    } finally {
      deployment.scale(1);
      awaitOperatorRolledOut(client, "again");
    }
  }

  @Override
  public String operatorMetrics() {
    Pod pod =
        operatorPods().stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no operator pod"));
    return podHttpGet(OPERATOR, pod.getMetadata().getName(), 8080, "/metrics");
  }

  private List<Pod> operatorPods() {
    return client
        .pods()
        .inNamespace(OPERATOR)
        .withLabel("app.kubernetes.io/name", OPERATOR)
        .list()
        .getItems();
  }

  /** A short-lived pod of the simulator image (it has a shell) mounting the claim writes it. */
  @Override
  public void writeVolumeFile(String namespace, String claim, String file, String content) {
    String name = "write-" + Long.toHexString(System.nanoTime());
    var pods = client.pods().inNamespace(namespace);
    pods.resource(
            new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("write")
                .withImage(SIM_IMAGE)
                .withImagePullPolicy("IfNotPresent")
                .withCommand("sh", "-c", "printf '%s' \"$0\" > /volume/" + file, content)
                .addNewVolumeMount()
                .withName("volume")
                .withMountPath("/volume")
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("volume")
                .withNewPersistentVolumeClaim()
                .withClaimName(claim)
                .endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .build())
        .create();
    try {
      Waits.eventually(
          "pod " + name + " to write " + file + " on claim " + claim,
          Duration.ofMinutes(1),
          () -> "Succeeded".equals(pods.withName(name).get().getStatus().getPhase()));
    } finally {
      pods.withName(name).delete();
    }
  }

  /** Pod addresses are inside Docker's network: go through a port-forward of the API server. */
  @Override
  public String podHttpGet(String namespace, String pod, int port, String path) {
    try (LocalPortForward forward =
        client.pods().inNamespace(namespace).withName(pod).portForward(port)) {
      return BackendHttp.get(URI.create("http://127.0.0.1:" + forward.getLocalPort() + path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int podHttpStatus(
      String namespace, String pod, int port, String path, String token, String body) {
    try (LocalPortForward forward =
        client.pods().inNamespace(namespace).withName(pod).portForward(port)) {
      return BackendHttp.status(
          URI.create("http://127.0.0.1:" + forward.getLocalPort() + path), token, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> containerLog(String namespace, String pod, String container, int lines) {
    String log =
        client
            .pods()
            .inNamespace(namespace)
            .withName(pod)
            .inContainer(container)
            .tailingLines(lines)
            .getLog();
    return log == null ? List.of() : log.lines().toList();
  }

  @Override
  public LogCursor operatorLog() {
    String since = Instant.now().toString();
    return max ->
        client
            .pods()
            .inNamespace(OPERATOR)
            .withLabel("app.kubernetes.io/name", OPERATOR)
            .list()
            .getItems()
            .stream()
            .flatMap(
                p ->
                    Optional.ofNullable(
                            client
                                .pods()
                                .inNamespace(OPERATOR)
                                .withName(p.getMetadata().getName())
                                .sinceTime(since)
                                .tailingLines(max)
                                .getLog())
                        .stream()
                        .flatMap(String::lines))
            .toList();
  }

  @Override
  public void close() {
    client.close();
    kind.stop();
  }
}
