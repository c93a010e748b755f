package io.sei.operator.simulator.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.simulator.home.NodeHome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pods on the local control plane run: the simulator in-process, kube-rbac-proxy as the real
 * binary, with probes, volumes, exit codes and deletion, so the real StatefulSet and Job
 * controllers progress.
 */
@WithLocalControlPlane
class SimulatedKubeletIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String PROXY_IMAGE = "quay.io/brancz/kube-rbac-proxy:v0.19.1";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private TestChain chain;

  @BeforeEach
  void startChain() throws Exception {
    chain = new TestChain(50, List.of());
  }

  @AfterEach
  void stopChain() {
    chain.close();
  }

  @Test
  void statefulSetWithSidecarAndProxyBecomesReadyAndTheProxyAuthorizesEveryCall(
      LocalCluster cluster) throws Exception {
    String ns = cluster.namespace();
    cluster.grantProxyReviews("node");
    PodSpec spec = proxiedNodeSpec(cluster, "node");
    cluster
        .client()
        .apps()
        .statefulSets()
        .inNamespace(ns)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("node")
                .endMetadata()
                .withNewSpec()
                .withServiceName("node")
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "node"))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "node"))
                .endMetadata()
                .withSpec(spec)
                .endTemplate()
                .addNewVolumeClaimTemplate()
                .withNewMetadata()
                .withName("data")
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build())
        .create();

    String ip = awaitPodIp(cluster, "node-0");
    String proxy = "http://" + ip + ":8443";
    await("the proxy listening")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> get(proxy + "/v0/livez", null) == 200);

    assertThat(get(proxy + "/v0/healthz", null))
        .as("bypass path, sidecar not ready yet")
        .isEqualTo(503);
    // The proxy's only API credential is its pod's projected token, as in-cluster config reads it.
    Path podDir = cluster.kubelet().logFile(ns, "node-0", "kube-rbac-proxy").orElseThrow();
    podDir = podDir.getParent().getParent();
    String kubeconfig =
        Files.readString(
            podDir.resolve("rootfs/kube-rbac-proxy/var/run/sim-kubelet/in-cluster.kubeconfig"));
    assertThat(kubeconfig)
        .contains("tokenFile: \"" + podDir.resolve("volumes/proxy-token/token") + "\"")
        .doesNotContain("client-certificate")
        .doesNotContain("client-key")
        .doesNotContain("token: ");
    assertThat(post(proxy + "/v0/tasks", null, markReady("t1"))).as("no token").isEqualTo(401);
    assertThat(post(proxy + "/v0/tasks", tokenFor(cluster, "stranger", false), markReady("t1")))
        .as("token without the SAR grant")
        .isEqualTo(403);
    String operator = tokenFor(cluster, "operator", true);
    assertThat(
            post(proxy + "/v0/tasks", operator, markReady("7d1c1d9e-1f0a-4a55-9d43-3a8a44f6d001")))
        .as("authorized submission reaches the trusted-header sidecar")
        .isIn(201, 202);
    await("mark-ready completed")
        .atMost(WAIT)
        .until(
            () ->
                body(proxy + "/v0/tasks/7d1c1d9e-1f0a-4a55-9d43-3a8a44f6d001", operator)
                    .contains("completed"));

    try {
      await("StatefulSet ready")
          .atMost(WAIT)
          .until(
              () -> {
                var sts =
                    cluster.client().apps().statefulSets().inNamespace(ns).withName("node").get();
                return sts.getStatus().getReadyReplicas() != null
                    && sts.getStatus().getReadyReplicas() == 1;
              });
    } catch (ConditionTimeoutException e) {
      System.out.println(
          Serialization.asYaml(
              cluster.client().pods().inNamespace(ns).withName("node-0").get().getStatus()));
      throw e;
    }
    await("seid follows the host chain from inside the pod")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> body("http://" + ip + ":26657/status", null).contains("latest_block_height"));
  }

  @Test
  void aProxyWhosePodsServiceAccountMayNotReviewTokensRefusesEvenAGrantedCaller(
      LocalCluster cluster) throws Exception {
    // The pod's own ServiceAccount exists but has no TokenReview grant: a real proxy can then
    // authenticate nobody. (The kubelet would make it work by handing out its own credentials.)
    cluster.serviceAccountToken("ungranted");
    PodSpec spec = proxiedNodeSpec(cluster, "ungranted");
    spec.getVolumes().add(emptyData());
    create(cluster, "node-0", spec);
    String proxy = "http://" + awaitPodIp(cluster, "node-0") + ":8443";
    await("the proxy listening")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> get(proxy + "/v0/livez", null) == 200);

    String operator = tokenFor(cluster, "operator", true);
    assertThat(post(proxy + "/v0/tasks", operator, markReady("t1")))
        .as("a caller allowed to create seinodetasks, behind a proxy that cannot review tokens")
        .isEqualTo(401);

    cluster.grantProxyReviews("ungranted");
    await("the proxy authenticates once its ServiceAccount may review tokens")
        .atMost(WAIT)
        .until(
            () ->
                post(
                    proxy + "/v0/tasks",
                    operator,
                    markReady("7d1c1d9e-1f0a-4a55-9d43-3a8a44f6d002")),
            status -> status == 201);
  }

  /**
   * A node pod as the operator renders it, reduced to what the proxy needs: the sidecar in
   * trusted-header mode, kube-rbac-proxy in front of it with its SubjectAccessReview config and the
   * projected token of {@code serviceAccount} (mounted into the proxy only), and seid.
   */
  private PodSpec proxiedNodeSpec(LocalCluster cluster, String serviceAccount) {
    String ns = cluster.namespace();
    cluster
        .client()
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("node-rbac-proxy-config")
                .endMetadata()
                .withData(
                    Map.of(
                        "config.yaml",
                        "authorization:\n  resourceAttributes:\n    namespace: "
                            + ns
                            + "\n    apiGroup: sei.io\n    resource: seinodetasks\n    name: node\n"))
                .build())
        .createOr(existing -> existing.update());
    return new PodSpecBuilder()
        .withServiceAccountName(serviceAccount)
        .withAutomountServiceAccountToken(false)
        .withInitContainers(
            new ContainerBuilder()
                .withName("sei-sidecar")
                .withImage("sei-sim:v1.0.0")
                .withRestartPolicy("Always")
                .withCommand("seictl")
                .withArgs("sidecar", "--home", "/sei", "--listen", "127.0.0.1:7777")
                .withEnv(sidecarEnv())
                .addNewEnv()
                .withName("SEI_SIDECAR_AUTHN_MODE")
                .withValue("trusted-header")
                .endEnv()
                .addNewVolumeMount()
                .withName("data")
                .withMountPath("/sei")
                .endVolumeMount()
                .build(),
            new ContainerBuilder()
                .withName("kube-rbac-proxy")
                .withImage(PROXY_IMAGE)
                .withRestartPolicy("Always")
                .withArgs(
                    "--insecure-listen-address=0.0.0.0:8443",
                    "--upstream=http://127.0.0.1:7777/",
                    "--config-file=/etc/kube-rbac-proxy/config.yaml",
                    "--ignore-paths=/v0/healthz,/v0/startupz,/v0/livez,/v0/metrics",
                    "--auth-header-fields-enabled=true",
                    "--auth-header-user-field-name=X-Remote-User",
                    "--auth-header-groups-field-name=X-Remote-Groups")
                .addNewPort()
                .withName("proxy")
                .withContainerPort(8443)
                .endPort()
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/v0/healthz")
                .withPort(new IntOrString("proxy"))
                .endHttpGet()
                .withPeriodSeconds(1)
                .endReadinessProbe()
                .addNewVolumeMount()
                .withName("proxy-config")
                .withMountPath("/etc/kube-rbac-proxy")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("proxy-token")
                .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount")
                .withReadOnly(true)
                .endVolumeMount()
                .build())
        .withContainers(seid("sei-sim:v1.0.0", "--peer", chain.url()))
        .withVolumes(
            new VolumeBuilder()
                .withName("proxy-config")
                .withNewConfigMap()
                .withName("node-rbac-proxy-config")
                .endConfigMap()
                .build(),
            new VolumeBuilder()
                .withName("proxy-token")
                .withNewProjected()
                .addNewSource()
                .withNewServiceAccountToken()
                .withPath("token")
                .withExpirationSeconds(3600L)
                .endServiceAccountToken()
                .endSource()
                .endProjected()
                .build())
        .build();
  }

  @Test
  void jobHaltsAtItsHeightAndThePvcKeepsTheData(LocalCluster cluster) throws Exception {
    String ns = cluster.namespace();
    cluster.createClaim("node-data");
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("bootstrap")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withNewTemplate()
            .withSpec(
                new PodSpecBuilder()
                    .withRestartPolicy("Never")
                    .withContainers(
                        seid(
                            "sei-sim:v1.0.0",
                            "--standalone",
                            "--peer",
                            chain.url(),
                            "--halt-height",
                            "7"))
                    .withVolumes(
                        new VolumeBuilder()
                            .withName("data")
                            .withNewPersistentVolumeClaim()
                            .withClaimName("node-data")
                            .endPersistentVolumeClaim()
                            .build())
                    .build())
            .endTemplate()
            .endSpec()
            .build();
    cluster.client().batch().v1().jobs().inNamespace(ns).resource(job).create();

    await("Job complete")
        .atMost(WAIT)
        .until(
            () -> {
              Job j =
                  cluster.client().batch().v1().jobs().inNamespace(ns).withName("bootstrap").get();
              return j.getStatus() != null
                  && j.getStatus().getConditions() != null
                  && j.getStatus().getConditions().stream()
                      .anyMatch(
                          c -> c.getType().equals("Complete") && c.getStatus().equals("True"));
            });
    Path dir = cluster.claimDirectory("node-data");
    assertThat(new NodeHome(dir).readState().height()).isEqualTo(7);
  }

  @Test
  void seidPanickingAtAnUpgradeIsInCrashLoopBackOffWithThePanicAsTerminationMessage(
      LocalCluster cluster) throws Exception {
    try (TestChain upgrading = new TestChain(50, List.of(Upgrade.parse("v2.0.0@40")))) {
      createPod(cluster, "old-binary", "sei-sim:v1.0.0", "--standalone", "--peer", upgrading.url());
      assertCrashLoopAtTheUpgrade(cluster);
    }
  }

  private static void assertCrashLoopAtTheUpgrade(LocalCluster cluster) {

    ContainerStatus seid =
        await("CrashLoopBackOff after exit 2")
            .atMost(WAIT)
            .until(
                () -> seidStatus(cluster, "old-binary"),
                s ->
                    s != null
                        && s.getState().getWaiting() != null
                        && "CrashLoopBackOff".equals(s.getState().getWaiting().getReason())
                        && s.getLastState().getTerminated() != null);
    assertThat(seid.getLastState().getTerminated().getExitCode()).isEqualTo(2);
    assertThat(seid.getLastState().getTerminated().getMessage())
        .contains("UPGRADE \"v2.0.0\" NEEDED at height: 40");
    assertThat(seid.getRestartCount()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void deletingAPodStopsItsContainers(LocalCluster cluster) {
    createPod(cluster, "doomed", "sei-sim:v2.0.0", "--standalone", "--peer", chain.url());
    String ip = awaitPodIp(cluster, "doomed");
    String status = "http://" + ip + ":26657/status";
    await("seid serving").atMost(WAIT).ignoreExceptions().until(() -> get(status, null) == 200);

    cluster.client().pods().inNamespace(cluster.namespace()).withName("doomed").delete();

    await("pod gone")
        .atMost(WAIT)
        .until(
            () ->
                cluster.client().pods().inNamespace(cluster.namespace()).withName("doomed").get()
                    == null);
    assertThatThrownBy(() -> get(status, null)).isInstanceOf(ConnectException.class);
  }

  @Test
  void twentyPodsAtOnceAllBecomeReady(LocalCluster cluster) {
    long start = System.nanoTime();
    List<String> names = IntStream.range(0, 20).mapToObj(i -> "many-" + i).toList();
    names.forEach(
        n -> createPod(cluster, n, "sei-sim:v2.0.0", "--standalone", "--peer", chain.url()));

    List<Long> apiLatencies = new ArrayList<>();
    await("20 pods Ready")
        .atMost(Duration.ofMinutes(3))
        .until(
            () -> {
              long t = System.nanoTime();
              List<Pod> pods =
                  cluster.client().pods().inNamespace(cluster.namespace()).list().getItems();
              apiLatencies.add((System.nanoTime() - t) / 1_000_000);
              return pods.stream().filter(SimulatedKubeletIT::ready).count() == 20;
            });
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    long worst = apiLatencies.stream().mapToLong(Long::longValue).max().orElse(0);
    System.out.printf(
        "FIGURE kubelet: 20 pods Ready in %d ms; slowest API list during the run %d ms%n",
        elapsed, worst);
    assertThat(worst).as("API stays responsive (ms)").isLessThan(5000);
  }

  @Test
  void aNativeSidecarsStartupProbeGatesTheMainContainerAndNoOtherProbeRunsBeforeIt(
      LocalCluster cluster) throws Exception {
    String ns = cluster.namespace();
    Container gate =
        gateSidecar(
            new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/v0/healthz")
                .withPort(new IntOrString(7777))
                .endHttpGet()
                .withPeriodSeconds(1)
                .withFailureThreshold(3600)
                .build());
    createGatedPod(cluster, "gated", gate);
    String ip = awaitPodIp(cluster, "gated");
    await("the gate's sidecar listening")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> get("http://" + ip + ":7777/v0/livez", null) == 200);

    // The startup probe keeps failing: seid must not run, the gate must not be ready.
    await("several startup probes failed")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Pod p = cluster.client().pods().inNamespace(ns).withName("gated").get();
              ContainerStatus main = p.getStatus().getContainerStatuses().get(0);
              ContainerStatus sidecar = p.getStatus().getInitContainerStatuses().get(0);
              return main.getState().getRunning() == null
                  && !Boolean.TRUE.equals(sidecar.getStarted())
                  && !Boolean.TRUE.equals(sidecar.getReady())
                  && sidecar.getRestartCount() == 0;
            });
    assertThat(cluster.kubelet().logFile(ns, "gated", "seid").filter(Files::exists)).isEmpty();

    // The flag flips: the startup probe passes, then seid starts and the readiness probe runs.
    assertThat(
            post("http://" + ip + ":7777/v0/tasks", null, markReady(UUID.randomUUID().toString())))
        .isEqualTo(201);
    await("seid started after the startup probe passed")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> body("http://" + ip + ":26657/status", null).contains("latest_block_height"));
    Pod p = cluster.client().pods().inNamespace(ns).withName("gated").get();
    ContainerStatus sidecar = p.getStatus().getInitContainerStatuses().get(0);
    assertThat(sidecar.getStarted()).isTrue();
    assertThat(sidecar.getRestartCount()).isZero();
    await("the gate ready after its readiness probe")
        .atMost(WAIT)
        .until(() -> ready(cluster.client().pods().inNamespace(ns).withName("gated").get()));
  }

  @Test
  void aStartupProbeFailingForFailureThresholdTimesPeriodKillsAndRestartsTheContainer(
      LocalCluster cluster) {
    String ns = cluster.namespace();
    // 2 failures × 2 s: killed about 2 s + 4 s after it started, whatever the probe cap.
    Container gate =
        gateSidecar(
            new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/v0/healthz")
                .withPort(new IntOrString(7777))
                .endHttpGet()
                .withInitialDelaySeconds(2)
                .withPeriodSeconds(2)
                .withFailureThreshold(2)
                .build());
    createGatedPod(cluster, "never-ready", gate);

    ContainerStatus killed =
        await("the sidecar killed by its startup probe and restarted")
            .atMost(WAIT)
            .until(
                () -> {
                  Pod p = cluster.client().pods().inNamespace(ns).withName("never-ready").get();
                  return p == null || p.getStatus() == null
                      ? null
                      : p.getStatus().getInitContainerStatuses().isEmpty()
                          ? null
                          : p.getStatus().getInitContainerStatuses().get(0);
                },
                s ->
                    s != null
                        && s.getRestartCount() >= 1
                        && s.getLastState().getTerminated() != null);
    var terminated = killed.getLastState().getTerminated();
    Duration lived =
        Duration.between(
            Instant.parse(terminated.getStartedAt()), Instant.parse(terminated.getFinishedAt()));
    // The API server keeps these times in whole seconds: 6 s of budget is at least 5 s here.
    assertThat(lived).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(terminated.getExitCode()).isEqualTo(143);
    Pod p = cluster.client().pods().inNamespace(ns).withName("never-ready").get();
    assertThat(p.getStatus().getContainerStatuses().get(0).getState().getRunning())
        .as("seid never started")
        .isNull();
  }

  @Test
  void aPodReachesAnotherPodThroughItsServiceName(LocalCluster cluster) throws Exception {
    String ns = cluster.namespace();
    cluster
        .client()
        .pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("upstream")
                .withLabels(Map.of("app", "upstream"))
                .endMetadata()
                .withSpec(
                    new PodSpecBuilder()
                        .withContainers(seid("sei-sim:v2.0.0", "--peer", chain.url()))
                        .withVolumes(emptyData())
                        .build())
                .build())
        .create();
    cluster
        .client()
        .services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("upstream")
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(Map.of("app", "upstream"))
                .addNewPort()
                .withName("p2p")
                .withPort(26656)
                .endPort()
                .endSpec()
                .build())
        .create();
    String upstreamIp = awaitPodIp(cluster, "upstream");
    String upstreamId =
        await("the upstream's node id")
            .atMost(WAIT)
            .ignoreExceptions()
            .until(
                () ->
                    Serialization.jsonMapper()
                        .readTree(body("http://" + upstreamIp + ":26657/status", null))
                        .path("result")
                        .path("node_info")
                        .path("id")
                        .asText(),
                id -> id.matches("[0-9a-f]{40}"));

    ClusterDns dns = new ClusterDns(cluster.client());
    assertThat(dns.resolve("upstream." + ns + ".svc")).isEqualTo(upstreamIp);
    assertThat(dns.resolve("upstream." + ns + ".svc.cluster.local")).isEqualTo(upstreamIp);
    assertThatThrownBy(() -> dns.resolve("missing." + ns + ".svc"))
        .isInstanceOf(UnknownHostException.class);

    createPod(
        cluster,
        "downstream",
        "sei-sim:v2.0.0",
        "--peer",
        upstreamId + "@upstream." + ns + ".svc.cluster.local:26656");
    createPod(
        cluster, "lost", "sei-sim:v2.0.0", "--peer", upstreamId + "@missing." + ns + ".svc:26656");
    String downstreamIp = awaitPodIp(cluster, "downstream");
    await("the downstream follows the chain through the upstream's Service name")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                Serialization.jsonMapper()
                        .readTree(body("http://" + downstreamIp + ":26657/status", null))
                        .path("result")
                        .path("sync_info")
                        .path("latest_block_height")
                        .asLong()
                    > 5);
    await("an unknown Service name fails like NXDOMAIN")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                Files.readString(cluster.kubelet().logFile(ns, "lost", "seid").orElseThrow())
                    .contains("WAIT peers unreachable"));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The variables the sidecar refuses to start without. */
  private static List<EnvVar> sidecarEnv() {
    return List.of(
        new EnvVar("SEI_CHAIN_ID", "sei-test", null),
        new EnvVar("SEI_GENESIS_BUCKET", "sei-sim-genesis", null),
        new EnvVar("SEI_GENESIS_REGION", "local-1", null),
        new EnvVar("SEI_SNAPSHOT_BUCKET", "sei-sim-snapshots", null),
        new EnvVar("SEI_SNAPSHOT_REGION", "local-1", null));
  }

  /** A native sidecar (the simulated sidecar, unauthenticated) with the given startup probe. */
  private static Container gateSidecar(Probe startup) {
    return new ContainerBuilder()
        .withName("gate")
        .withImage("sei-sim:v1.0.0")
        .withRestartPolicy("Always")
        .withCommand("seictl")
        .withArgs("sidecar", "--home", "/sei", "--listen", "0.0.0.0:7777")
        .withEnv(sidecarEnv())
        .withStartupProbe(startup)
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/v0/healthz")
        .withPort(new IntOrString(7777))
        .endHttpGet()
        .withPeriodSeconds(1)
        .endReadinessProbe()
        .addNewVolumeMount()
        .withName("data")
        .withMountPath("/sei")
        .endVolumeMount()
        .build();
  }

  private void createGatedPod(LocalCluster cluster, String name, Container gate) {
    create(
        cluster,
        name,
        new PodSpecBuilder()
            .withInitContainers(gate)
            .withContainers(seid("sei-sim:v1.0.0", "--peer", chain.url()))
            .withVolumes(emptyData())
            .build());
  }

  private static void create(LocalCluster cluster, String name, PodSpec spec) {
    cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .resource(
            new PodBuilder().withNewMetadata().withName(name).endMetadata().withSpec(spec).build())
        .create();
  }

  private static io.fabric8.kubernetes.api.model.Volume emptyData() {
    return new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build();
  }

  private static Container seid(String image, String... extraArgs) {
    List<String> args =
        new ArrayList<>(List.of("start", "--home", "/sei", "--sync-interval-ms", "20"));
    args.addAll(List.of(extraArgs));
    return new ContainerBuilder()
        .withName("seid")
        .withImage(image)
        .withCommand("seid")
        .withArgs(args)
        .withTerminationMessagePolicy("FallbackToLogsOnError")
        .addNewVolumeMount()
        .withName("data")
        .withMountPath("/sei")
        .endVolumeMount()
        .build();
  }

  private static void createPod(LocalCluster cluster, String name, String image, String... args) {
    create(
        cluster,
        name,
        new PodSpecBuilder().withContainers(seid(image, args)).withVolumes(emptyData()).build());
  }

  private static ContainerStatus seidStatus(LocalCluster cluster, String pod) {
    Pod p = cluster.client().pods().inNamespace(cluster.namespace()).withName(pod).get();
    return p == null || p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty()
        ? null
        : p.getStatus().getContainerStatuses().get(0);
  }

  private static boolean ready(Pod p) {
    return p.getStatus() != null
        && p.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  private static String awaitPodIp(LocalCluster cluster, String pod) {
    return await("pod " + pod + " running with an address")
        .atMost(WAIT)
        .until(
            () -> {
              Pod p = cluster.client().pods().inNamespace(cluster.namespace()).withName(pod).get();
              return p == null || p.getStatus() == null ? null : p.getStatus().getPodIP();
            },
            ip -> ip != null && ip.startsWith("127.") && !ip.equals("127.0.0.1"));
  }

  private static String tokenFor(LocalCluster cluster, String sa, boolean granted) {
    String token = cluster.serviceAccountToken(sa);
    if (granted) {
      cluster.grantSidecarTasks(sa);
    }
    return token;
  }

  private static String markReady(String id) {
    return "{\"id\":\"" + id + "\",\"type\":\"mark-ready\",\"params\":{}}";
  }

  private static HttpRequest.Builder request(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static int get(String url, String token) throws IOException, InterruptedException {
    return HTTP.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String body(String url, String token) throws IOException, InterruptedException {
    return HTTP.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int post(String url, String token, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
            request(url, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
