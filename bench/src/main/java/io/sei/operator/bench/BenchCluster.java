package io.sei.operator.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.simulator.cluster.LocalControlPlane;
import io.sei.operator.simulator.cluster.OperatorRbac;
import io.sei.operator.simulator.cluster.SimulatedStorage;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.kubelet.KubeletSettings;
import io.sei.operator.simulator.kubelet.SimulatedKubelet;
import io.sei.operator.testing.OperatorUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh local control plane with the simulated kubelet, its CRDs installed: one per benchmark (or
 * per size), so no benchmark inherits another's objects. Namespaces come as {@link LocalCluster}s,
 * the view the operator's test fixtures take.
 */
public final class BenchCluster implements AutoCloseable {
  /** The operator's ServiceAccount: its token is the bearer token kube-rbac-proxy checks. */
  private static final String OPERATOR_ACCOUNT = "sei-operator";

  private static final Logger LOG = LoggerFactory.getLogger(BenchCluster.class);

  private final Path dir;
  private final LocalControlPlane controlPlane;
  private final SimulatedKubelet kubelet;

  private BenchCluster(Path dir, LocalControlPlane controlPlane, SimulatedKubelet kubelet) {
    this.dir = dir;
    this.controlPlane = controlPlane;
    this.kubelet = kubelet;
  }

  /**
   * @param podsCapacity pods the simulated node accepts (its {@link KubeletSettings} default is
   *     500)
   */
  public static BenchCluster start(Path dir, int podsCapacity) {
    LocalControlPlane cp = LocalControlPlane.start(dir.resolve("control-plane"), System.out);
    try {
      cp.installCrds();
      // The operator runs with the admin credentials here, but adds each namespace's node
      // ServiceAccount to this binding, which the chart would have installed.
      OperatorRbac.installNodeProxy(cp.client());
      KubeletSettings defaults = KubeletSettings.defaults();
      KubeletSettings settings =
          new KubeletSettings(
              defaults.nodeName(),
              defaults.probeCap(),
              defaults.backoffBase(),
              defaults.backoffMax(),
              defaults.maxGracePeriod(),
              Math.max(defaults.podsCapacity(), podsCapacity));
      return new BenchCluster(
          dir, cp, SimulatedKubelet.start(cp, settings, dir.resolve("kubelet")));
    } catch (RuntimeException e) {
      cp.close();
      throw e;
    }
  }

  /** A new namespace whose ServiceAccount {@value #OPERATOR_ACCOUNT} may call sidecars. */
  public LocalCluster namespace(String name) {
    controlPlane
        .client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    LocalCluster cluster = new LocalCluster(controlPlane, kubelet, name);
    cluster.grantSidecarTasks(OPERATOR_ACCOUNT);
    return cluster;
  }

  /**
   * Starts the operator for {@code cluster}'s namespace with the settings of the operator's
   * integration tests ({@link OperatorUnderTest}: sidecars by pod IP, requeues between 100 ms and 1
   * s), overridden by {@code env}. It talks to the API server with the admin credentials: RBAC does
   * not change which requests it makes.
   */
  public ChildOperator operator(LocalCluster cluster, Map<String, String> env, String heap) {
    Path tokenFile = dir.resolve("token-" + cluster.namespace());
    try {
      Files.writeString(tokenFile, cluster.serviceAccountToken(OPERATOR_ACCOUNT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> settings = new HashMap<>();
    settings.put("SEI_KUBE_RBAC_PROXY_IMAGE", OperatorUnderTest.PROXY_IMAGE);
    settings.put("SEI_SIDECAR_IMAGE", OperatorUnderTest.SIDECAR_IMAGE);
    settings.put("SEI_SIDECAR_ENDPOINT", "pod-ip");
    settings.put("SEI_OPERATOR_TOKEN_FILE", tokenFile.toString());
    settings.put("SEI_DATA_VOLUME_SIZE", "1Gi");
    settings.put("SEI_POLL_INTERVAL", "1s");
    settings.put("SEI_MIN_REQUEUE", "100ms");
    settings.putAll(SimulatedStorage.operatorEnv(null));
    settings.putAll(env);
    return ChildOperator.start(
        controlPlane.kubeconfig(), cluster.namespace(), settings, heap, dir.resolve("operator"));
  }

  /**
   * Requests the API server has served so far, all clients ({@code apiserver_request_total}); -1
   * when an overloaded API server does not answer its {@code /metrics} (three tries).
   */
  public long apiserverRequests() {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        long total = 0;
        for (String line : controlPlane.client().raw("/metrics").split("\n")) {
          if (line.startsWith("apiserver_request_total{")) {
            total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
        return total;
      } catch (KubernetesClientException e) {
        LOG.warn("apiserver /metrics: {}", e.toString());
      }
    }
    return -1;
  }

  public SimulatedKubelet kubelet() {
    return kubelet;
  }

  @Override
  public void close() {
    kubelet.close();
    controlPlane.close();
  }
}
