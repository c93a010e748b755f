package io.sei.operator.simulator.cluster;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane without Docker: etcd and kube-apiserver started by fabric8
 * kube-api-test (offline, RBAC, ServiceAccount tokens, TokenReview and SubjectAccessReview), and
 * kube-controller-manager as a child process sharing the apiserver's ServiceAccount key. Pods stay
 * Pending until a kubelet runs them (the simulated kubelet, in {@code ...simulator.kubelet}).
 *
 * <p>Every process it starts is stopped by {@link #close()}, by a shutdown hook, and — if this JVM
 * is killed — by an {@link OrphanReaper}.
 */
public final class LocalControlPlane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalControlPlane.class);

  /** Controllers of kube-controller-manager the operator and the simulated kubelet rely on. */
  public static final List<String> CONTROLLERS =
      List.of(
          "statefulset-controller",
          "job-controller",
          "garbage-collector-controller",
          "endpointslice-controller",
          "endpoints-controller",
          "serviceaccount-controller",
          "serviceaccount-token-controller",
          "namespace-controller",
          "root-ca-certificate-publisher-controller",
          "pod-garbage-collector-controller",
          "replicaset-controller",
          "deployment-controller",
          "ttl-after-finished-controller",
          "persistentvolume-binder-controller",
          "persistentvolumeclaim-protection-controller",
          "persistentvolume-protection-controller");

  private static final List<String> CRD_RESOURCES =
      List.of(
          "/META-INF/fabric8/seinodes.sei.io-v1.yml",
          "/META-INF/fabric8/seinodedeployments.sei.io-v1.yml");

  private final Path stateDir;
  private final K8sBinaries binaries;
  private final KubeAPIServer apiServer;
  private final Process controllerManager;
  private final OrphanReaper reaper;
  private final Thread shutdownHook;
  private final Set<Long> processIds;
  private final KubernetesClient client;
  private final Path kubeconfig;
  private boolean closed;

  private LocalControlPlane(Path stateDir, PrintStream progress, Duration startupTimeout) {
    this.stateDir = stateDir;
    this.binaries = K8sBinaries.provision(progress);
    Set<Long> before = childPids();
    Path apiDir = stateDir.resolve("apiserver");
    linkBinaries(apiDir);
    progress.println("[control-plane] starting etcd and kube-apiserver " + binaries.version());
    this.apiServer =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(apiDir.toString())
                .withApiServerVersion(binaries.version())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withStartupTimeout((int) startupTimeout.toMillis())
                .build());
    Process kcm = null;
    OrphanReaper watcher = null;
    try {
      apiServer.start();
      this.kubeconfig = stateDir.resolve("admin.kubeconfig");
      Files.writeString(kubeconfig, apiServer.getKubeConfigYaml());
      progress.println("[control-plane] starting kube-controller-manager");
      kcm = startControllerManager(apiDir);
      Set<Long> ours = childPids();
      ours.removeAll(before);
      watcher = OrphanReaper.watch(ours);
      this.processIds = Set.copyOf(ours);
    } catch (IOException | RuntimeException e) {
      if (kcm != null) {
        kcm.destroyForcibly();
      }
      apiServer.stop();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    this.controllerManager = kcm;
    this.reaper = watcher;
    this.shutdownHook = new Thread(this::stopProcesses, "local-control-plane-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    this.client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(apiServer.getKubeConfigYaml()))
            .build();
    // The serviceaccount controller creating "default" proves kube-controller-manager is working.
    Waits.until(
        "kube-controller-manager to create the default ServiceAccount",
        startupTimeout,
        () -> {
          if (!controllerManager.isAlive()) {
            throw new IllegalStateException(
                "kube-controller-manager exited with "
                    + controllerManager.exitValue()
                    + "; see "
                    + controllerManagerLog());
          }
          return client.serviceAccounts().inNamespace("default").withName("default").get() != null;
        });
    progress.println("[control-plane] ready; kubeconfig " + kubeconfig);
  }

  /** Starts a control plane in {@code stateDir} (created if missing), printing progress. */
  public static LocalControlPlane start(Path stateDir, PrintStream progress) {
    try {
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocalControlPlane(stateDir.toAbsolutePath(), progress, Duration.ofSeconds(120));
  }

  /** Starts a control plane in a new temporary state directory. */
  public static LocalControlPlane start(PrintStream progress) {
    try {
      return start(Files.createTempDirectory("sei-control-plane"), progress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void linkBinaries(Path apiDir) {
    Path link = apiDir.resolve("k8s").resolve(binaries.dir().getFileName());
    try {
      Files.createDirectories(link.getParent());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, binaries.dir());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Process startControllerManager(Path apiDir) throws IOException {
    Path log = controllerManagerLog();
    Files.createDirectories(log.getParent());
    List<String> cmd = new ArrayList<>();
    cmd.add(binaries.kubeControllerManager().toString());
    cmd.add("--kubeconfig=" + kubeconfig);
    cmd.add("--authentication-kubeconfig=" + kubeconfig);
    cmd.add("--authorization-kubeconfig=" + kubeconfig);
    cmd.add("--secure-port=0");
    cmd.add("--leader-elect=false");
    cmd.add("--controllers=" + String.join(",", CONTROLLERS));
    cmd.add("--service-account-private-key-file=" + apiDir.resolve("apiserver.key"));
    cmd.add("--root-ca-file=" + apiDir.resolve("apiserver.crt"));
    cmd.add("--concurrent-statefulset-syncs=10");
    cmd.add("--concurrent-job-syncs=10");
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** Installs (server-side apply) the project's CRDs and waits until they are established. */
  public void installCrds() {
    for (String resource : CRD_RESOURCES) {
      CustomResourceDefinition crd;
      try (InputStream in = LocalControlPlane.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the classpath (sei-api jar)");
        }
        crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(crd)
          .fieldManager("sei-operator")
          .forceConflicts()
          .serverSideApply();
      String name = crd.getMetadata().getName();
      Waits.until(
          "CRD " + name + " to be established",
          Duration.ofSeconds(30),
          () -> {
            CustomResourceDefinition live =
                client.apiextensions().v1().customResourceDefinitions().withName(name).get();
            return live != null
                && live.getStatus() != null
                && live.getStatus().getConditions().stream()
                    .anyMatch(
                        c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
          });
    }
  }

  /** A bound token for a ServiceAccount (TokenRequest), as a kubelet would mount it. */
  public String mintToken(String namespace, String serviceAccount, Duration ttl) {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(ttl.toSeconds())
            .endSpec()
            .build();
    return client
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(serviceAccount)
        .tokenRequest(request)
        .getStatus()
        .getToken();
  }

  /**
   * A kubeconfig for this API server (its URL and CA) that authenticates as {@code user} (a bearer
   * token, inline or as a file the client re-reads), in {@code namespace}.
   */
  public String kubeconfigFor(AuthInfo user, String namespace) {
    var cluster =
        KubeConfigUtils.parseConfigFromString(apiServer.getKubeConfigYaml())
            .getClusters()
            .get(0)
            .getCluster();
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
            .withUsers(new NamedAuthInfoBuilder().withName("user").withUser(user).build())
            .withContexts(
                new NamedContextBuilder()
                    .withName("local")
                    .withNewContext()
                    .withCluster("local")
                    .withUser("user")
                    .withNamespace(namespace)
                    .endContext()
                    .build())
            .withCurrentContext("local")
            .build();
    return Serialization.asYaml(config);
  }

  /** An admin client (cluster-admin through the client certificate of the kubeconfig). */
  public KubernetesClient client() {
    return client;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public String kubeconfigYaml() {
    return apiServer.getKubeConfigYaml();
  }

  public K8sBinaries binaries() {
    return binaries;
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path controllerManagerLog() {
    return stateDir.resolve("logs").resolve("kube-controller-manager.log");
  }

  /**
   * Process ids of etcd, kube-apiserver and kube-controller-manager (for diagnostics and tests).
   */
  public Set<Long> processIds() {
    return processIds;
  }

  private static Set<Long> childPids() {
    Set<Long> pids = new HashSet<>();
    ProcessHandle.current().children().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  private synchronized void stopProcesses() {
    if (closed) {
      return;
    }
    closed = true;
    if (controllerManager != null) {
      controllerManager.destroy();
      try {
        if (!controllerManager.waitFor(10, TimeUnit.SECONDS)) {
          controllerManager.destroyForcibly();
        }
      } catch (InterruptedException e) {
        controllerManager.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      apiServer.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping kube-apiserver/etcd failed: {}", e.getMessage());
    }
    reaper.cancel();
  }

  @Override
  public void close() {
    client.close();
    stopProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // already in shutdown: the hook is running or ran
    }
  }
}
