package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.NodePhase;
import io.sei.operator.config.NodeAccess;
import io.sei.operator.render.NodePod;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.ChainAndOperator;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node on a cluster that enforces the {@code restricted} Pod Security Standard: its pods are
 * admitted, run as the node ServiceAccount whose token only kube-rbac-proxy mounts, and no
 * credential reaches the sidecar container through the node's life; an operator watching one
 * namespace can read nothing elsewhere.
 */
@WithLocalControlPlane(podSecurity = "restricted")
class NodeSecurityIT {
  private static final String V1 = "sei-sim:v1.0.0";
  private static final String V2 = "sei-sim:v1.1.0";
  private static final String CREDENTIALS_METRIC = "sei_sim_sidecar_requests_with_authorization";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aRestrictedNamespaceRefusesAPodThatIsNotHardened(LocalCluster cluster) {
    Pod plain =
        new PodBuilder()
            .withNewMetadata()
            .withName("plain")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("seid")
            .withImage(V1)
            .endContainer()
            .endSpec()
            .build();
    assertThatThrownBy(
            () -> cluster.client().pods().inNamespace(cluster.namespace()).resource(plain).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("violates PodSecurity \"restricted:latest\"");
  }

  @Test
  void aNodeRunsUnderItsOwnIdentityAndNoCredentialEverReachesItsSidecar(LocalCluster cluster)
      throws Exception {
    String ns = cluster.namespace();
    try (ChainAndOperator env =
        ChainAndOperator.start(
            cluster, Map.of("SEI_NETWORK_POLICY", "true", "SEI_OPERATOR_NAMESPACE", ns))) {
      SimChain chain = env.chain();
      aNodeLivesWithoutACredentialReachingItsSidecar(cluster, chain);
    }
  }

  private static void aNodeLivesWithoutACredentialReachingItsSidecar(
      LocalCluster cluster, SimChain chain) throws Exception {
    String ns = cluster.namespace();
    Nodes.create(cluster, "rpc", Nodes.following(chain, V1).withFullNode(new FullNodeSpec()));
    Nodes.awaitPhase(cluster, "rpc", NodePhase.Running);

    Pod pod = cluster.client().pods().inNamespace(ns).withName("rpc-0").get();
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("sei-node");
    assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
    assertThat(containersMountingTheToken(pod)).containsExactly(NodePod.PROXY_CONTAINER);
    assertThat(cluster.client().serviceAccounts().inNamespace(ns).withName("sei-node").get())
        .isNotNull();
    ClusterRoleBinding binding =
        cluster.client().rbac().clusterRoleBindings().withName(NodeAccess.PROXY_ROLE).get();
    assertThat(binding.getSubjects())
        .anySatisfy(
            s -> {
              assertThat(s.getName()).isEqualTo("sei-node");
              assertThat(s.getNamespace()).isEqualTo(ns);
            });
    NetworkPolicy policy =
        cluster
            .client()
            .network()
            .v1()
            .networkPolicies()
            .inNamespace(ns)
            .withName("rpc-ingress")
            .get();
    assertThat(policy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal())
        .isEqualTo(8443);
    assertThat(credentialsSeenBySidecar(pod)).as("after init").isEmpty();

    // A pod cycle: the old sidecar has answered every call of the update up to its pod's deletion.
    Nodes.editSpec(cluster, "rpc", spec -> spec.setImage(V2));
    await("the node runs the new image")
        .atMost(Nodes.PLAN_TIMEOUT)
        .until(
            () -> Nodes.get(cluster, "rpc").getStatus(),
            s -> V2.equals(s.getCurrentImage()) && s.getPlan() == null);
    Pod replaced = cluster.client().pods().inNamespace(ns).withName("rpc-0").get();
    assertThat(replaced.getMetadata().getUid()).isNotEqualTo(pod.getMetadata().getUid());
    assertThat(credentialsSeenBySidecar(replaced)).as("after a node update").isEmpty();

    // The counter counts: a bearer token sent to a path the proxy passes through arrives.
    send(proxy(replaced, "/v0/healthz"), "Bearer not-a-real-token");
    assertThat(credentialsSeenBySidecar(replaced))
        .containsExactly(CREDENTIALS_METRIC + "_total{path=\"/v0/healthz\"} 1");
  }

  @Test
  void anOperatorWatchingOneNamespaceCanReadNothingElsewhere(LocalCluster cluster) {
    try (OperatorUnderTest operator = OperatorUnderTest.start(cluster, Map.of())) {
      probeAnotherNamespace(cluster, operator);
    }
  }

  private static void probeAnotherNamespace(LocalCluster cluster, OperatorUnderTest operator) {
    String elsewhere = "elsewhere-" + Integer.toHexString(cluster.namespace().hashCode());
    cluster
        .client()
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName(elsewhere)
                .endMetadata()
                .build())
        .create();
    try {
      cluster
          .client()
          .secrets()
          .inNamespace(elsewhere)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("signing-key")
                  .endMetadata()
                  .withStringData(Map.of("priv_validator_key.json", "{}"))
                  .build())
          .create();
      try (var asOperator = operator.probeClient()) {
        assertThat(asOperator.secrets().inNamespace(cluster.namespace()).withName("absent").get())
            .as("its own namespace: allowed (the Secret does not exist)")
            .isNull();
        assertForbidden(
            () -> asOperator.secrets().inNamespace(elsewhere).withName("signing-key").get());
        assertForbidden(() -> asOperator.secrets().inNamespace(cluster.namespace()).list());
        assertForbidden(() -> asOperator.pods().inNamespace(elsewhere).withName("any").delete());
      }
    } finally {
      cluster.client().namespaces().withName(elsewhere).delete();
    }
  }

  private static void assertForbidden(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
  }

  private static List<String> containersMountingTheToken(Pod pod) {
    return java.util.stream.Stream.concat(
            pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
        .filter(
            c ->
                c.getVolumeMounts().stream()
                    .anyMatch(m -> m.getMountPath().equals(NodePod.SERVICE_ACCOUNT_DIR)))
        .map(Container::getName)
        .toList();
  }

  /** The simulated sidecar's counter lines of requests that arrived with credentials. */
  private static List<String> credentialsSeenBySidecar(Pod pod) throws Exception {
    return send(proxy(pod, "/v0/metrics"), null)
        .body()
        .lines()
        .filter(l -> l.startsWith(CREDENTIALS_METRIC))
        .toList();
  }

  private static URI proxy(Pod pod, String path) {
    return URI.create("http://" + pod.getStatus().getPodIP() + ":8443" + path);
  }

  private static HttpResponse<String> send(URI uri, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
