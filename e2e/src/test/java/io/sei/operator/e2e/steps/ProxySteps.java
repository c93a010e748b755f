package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.e2e.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Seed 001: nobody but the operator drives a sidecar. Every pod with a sidecar has kube-rbac-proxy
 * in front of it, authorizing each call with a SubjectAccessReview described by the node's
 * ConfigMap; the sidecar itself listens on loopback only.
 */
public final class ProxySteps {
  static final String SIDECAR = "sei-sidecar";
  static final String PROXY = "kube-rbac-proxy";
  static final int PROXY_PORT = 8443;

  /** The operator's ServiceAccount, as the chart (and the local backend) names it. */
  private static final String OPERATOR = "sei-operator";

  private static final String MARK_READY = "{\"type\":\"mark-ready\",\"params\":{}}";

  private final ScenarioSpace space;

  /** Every pod of the scenario's namespace, by UID, as first seen. */
  private final Map<String, Pod> pods = new ConcurrentHashMap<>();

  private Watch watch;

  public ProxySteps(ScenarioSpace space) {
    this.space = space;
  }

  /** Sees every pod of the namespace, however short-lived (bootstrap pods are). */
  @Before(order = 1)
  public void watchPods() {
    if (!space.started()) {
      return; // no backend for this suite: the scenario is skipped
    }
    watch =
        space
            .client()
            .pods()
            .inNamespace(space.namespace())
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    pods.putIfAbsent(pod.getMetadata().getUid(), pod);
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  @After
  public void stopWatching() {
    if (watch != null) {
      watch.close();
    }
  }

  @When(
      "I create a full node {string} on {string} that bootstraps with {string} from the S3"
          + " snapshot to a height {long} blocks behind the chain")
  public void createBootstrapped(String name, String image, String bootstrapImage, long behind) {
    long target = space.chain().height() - behind;
    space.createNode(
        name,
        space.restoring(
            image,
            new SnapshotSource()
                .withS3(new S3Snapshot().withTargetHeight(target))
                .withTrustPeriod("168h")
                .withBootstrapImage(bootstrapImage)));
  }

  @Then("a bootstrap pod and a production pod of node {string} were seen")
  public void bootstrapAndProductionSeen(String name) {
    assertThat(sidecarPods())
        .as("pods with a sidecar in namespace %s", space.namespace())
        .extracting(p -> p.getMetadata().getName())
        .anySatisfy(n -> assertThat(n).startsWith(name + "-bootstrap"))
        .contains(name + "-0");
  }

  @Then("every pod that carried a sidecar carried kube-rbac-proxy in front of it")
  public void everySidecarBehindTheProxy() {
    assertThat(sidecarPods())
        .as("pods with a sidecar in namespace %s", space.namespace())
        .isNotEmpty()
        .allSatisfy(
            pod -> {
              PodSpec spec = pod.getSpec();
              Container proxy =
                  container(spec, PROXY)
                      .orElseThrow(
                          () ->
                              new AssertionError(
                                  "pod " + pod.getMetadata().getName() + " has no " + PROXY));
              String listen = sidecarListen(pod);
              assertThat(listen)
                  .as("the sidecar's listen address in pod %s", pod.getMetadata().getName())
                  .startsWith("127.0.0.1:");
              assertThat(proxy.getArgs())
                  .as("args of %s in pod %s", PROXY, pod.getMetadata().getName())
                  .contains(
                      "--insecure-listen-address=0.0.0.0:" + PROXY_PORT,
                      "--upstream=http://" + listen + "/",
                      "--config-file=/etc/kube-rbac-proxy/config.yaml",
                      "--ignore-paths=/v0/healthz,/v0/startupz,/v0/livez,/v0/metrics",
                      "--auth-header-fields-enabled=true",
                      "--auth-header-user-field-name=X-Remote-User",
                      "--auth-header-groups-field-name=X-Remote-Groups");
            });
  }

  @Then("the ConfigMap of each proxy existed before its pod")
  public void configMapsBeforePods() {
    assertThat(sidecarPods())
        .isNotEmpty()
        .allSatisfy(
            pod -> {
              String configMap = proxyConfigMap(pod);
              ConfigMap found =
                  space
                      .client()
                      .configMaps()
                      .inNamespace(space.namespace())
                      .withName(configMap)
                      .get();
              assertThat(found)
                  .as("ConfigMap %s of pod %s", configMap, pod.getMetadata().getName())
                  .isNotNull();
              assertThat(Instant.parse(found.getMetadata().getCreationTimestamp()))
                  .as("creation of ConfigMap %s", configMap)
                  .isBeforeOrEqualTo(Instant.parse(pod.getMetadata().getCreationTimestamp()));
            });
  }

  @Then("a task submitted to the sidecar of node {string} {word} is answered {int}")
  public void taskAnswered(String name, String caller, int status) {
    String token =
        switch (caller) {
          case "anonymously" -> null;
          case "by-a-stranger" -> strangerToken();
          case "by-the-operator" -> token(OPERATOR, OPERATOR);
          default -> throw new IllegalArgumentException("unknown caller " + caller);
        };
    Waits.eventually(
        "a task submitted " + caller + " to the sidecar of " + name + " to be answered " + status,
        Duration.ofSeconds(30),
        () ->
            space
                .backend()
                .podHttpStatus(
                    space.namespace(), name + "-0", PROXY_PORT, "/v0/tasks", token, MARK_READY),
        code -> code == status);
  }

  @Then("the sidecar of node {string} answers {string} without a token")
  public void bypassPath(String name, String path) {
    Waits.eventually(
        "the sidecar of " + name + " to answer " + path + " without a token with 200",
        Duration.ofSeconds(30),
        () ->
            space
                .backend()
                .podHttpStatus(space.namespace(), name + "-0", PROXY_PORT, path, null, null),
        code -> code == 200);
  }

  @Then("no Service and no container of the namespace exposes the sidecar port")
  public void sidecarPortNotExposed() {
    List<Pod> current = space.client().pods().inNamespace(space.namespace()).list().getItems();
    List<Integer> sidecarPorts =
        Stream.concat(current.stream(), pods.values().stream())
            .filter(p -> container(p.getSpec(), SIDECAR).isPresent())
            .map(p -> sidecarListen(p))
            .map(listen -> Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)))
            .distinct()
            .toList();
    assertThat(sidecarPorts).as("the sidecars' ports").isNotEmpty();
    List<Service> services =
        space.client().services().inNamespace(space.namespace()).list().getItems();
    assertThat(services)
        .as("Services of namespace %s", space.namespace())
        .flatExtracting(s -> s.getSpec().getPorts())
        .noneSatisfy(
            p ->
                assertThat(
                        sidecarPorts.contains(p.getPort())
                            || (p.getTargetPort() != null
                                && sidecarPorts.contains(p.getTargetPort().getIntVal())))
                    .as("Service port %s", describe(p))
                    .isTrue());
    assertThat(Stream.concat(current.stream(), pods.values().stream()))
        .flatExtracting(p -> allContainers(p.getSpec()).toList())
        .flatExtracting(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()))
        .extracting(ContainerPort::getContainerPort)
        .as("container ports of the namespace's pods")
        .isNotEmpty()
        .doesNotContainAnyElementsOf(sidecarPorts);
  }

  /**
   * The address {@code seictl serve} binds, {@code host:port}: in trusted-header mode (required
   * here) the sidecar binds {@code 127.0.0.1:<SEI_SIDECAR_PORT>} and nothing else.
   */
  private static String sidecarListen(Pod pod) {
    Map<String, String> env = new HashMap<>();
    Optional.ofNullable(container(pod.getSpec(), SIDECAR).orElseThrow().getEnv())
        .orElse(List.of())
        .forEach(e -> env.put(e.getName(), e.getValue()));
    assertThat(env)
        .as("the sidecar environment of pod %s", pod.getMetadata().getName())
        .containsEntry("SEI_SIDECAR_AUTHN_MODE", "trusted-header")
        .containsKey("SEI_SIDECAR_PORT");
    return "127.0.0.1:" + env.get("SEI_SIDECAR_PORT");
  }

  private static String describe(ServicePort p) {
    return p.getName() + " " + p.getPort() + "->" + p.getTargetPort();
  }

  private List<Pod> sidecarPods() {
    return new ArrayList<>(pods.values())
        .stream().filter(p -> container(p.getSpec(), SIDECAR).isPresent()).toList();
  }

  private static String proxyConfigMap(Pod pod) {
    Container proxy = container(pod.getSpec(), PROXY).orElseThrow();
    VolumeMount mount =
        proxy.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/etc/kube-rbac-proxy"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the proxy mounts no /etc/kube-rbac-proxy"));
    Volume volume =
        pod.getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(volume.getConfigMap()).as("volume %s is a ConfigMap", volume.getName()).isNotNull();
    return volume.getConfigMap().getName();
  }

  private static Stream<Container> allContainers(PodSpec spec) {
    return Stream.concat(
        Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream(),
        spec.getContainers().stream());
  }

  private static Optional<Container> container(PodSpec spec, String name) {
    return allContainers(spec).filter(c -> c.getName().equals(name)).findFirst();
  }

  /** A ServiceAccount of the scenario's namespace that no role grants anything. */
  private String strangerToken() {
    space.track(
        space
            .client()
            .serviceAccounts()
            .inNamespace(space.namespace())
            .resource(
                new ServiceAccountBuilder()
                    .withNewMetadata()
                    .withName("stranger")
                    .endMetadata()
                    .build())
            .serverSideApply());
    return token(space.namespace(), "stranger");
  }

  private String token(String namespace, String serviceAccount) {
    return space
        .client()
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(serviceAccount)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }
}
