package io.sei.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Quantity;
import io.sei.operator.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformConfigTest {

  private static final String PROXY = "quay.io/brancz/kube-rbac-proxy:v0.19.1";

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>(Fixtures.REQUIRED_ENV);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void theProxyImageIsRequired() {
    assertThatThrownBy(() -> PlatformConfig.fromEnvironment(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("SEI_KUBE_RBAC_PROXY_IMAGE is required")
        .extracting(e -> ((ConfigException) e).variable())
        .isEqualTo("SEI_KUBE_RBAC_PROXY_IMAGE");
  }

  @Test
  void aBlankProxyImageCountsAsMissing() {
    assertThatThrownBy(
            () -> PlatformConfig.fromEnvironment(Map.of("SEI_KUBE_RBAC_PROXY_IMAGE", " ")))
        .hasMessageStartingWith("SEI_KUBE_RBAC_PROXY_IMAGE is required");
  }

  @ParameterizedTest
  @CsvSource({
    "SEI_GENESIS_BUCKET",
    "SEI_GENESIS_REGION",
    "SEI_SNAPSHOT_BUCKET",
    "SEI_SNAPSHOT_REGION"
  })
  void theSidecarsStorageSettingsAreRequired(String variable) {
    Map<String, String> env = env();
    env.remove(variable);
    assertThatThrownBy(() -> PlatformConfig.fromEnvironment(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable + " is required: ")
        .extracting(e -> ((ConfigException) e).variable())
        .isEqualTo(variable);
  }

  @Test
  void aBucketUrlIsRefusedWithWhatToDoInstead() {
    assertThatThrownBy(
            () ->
                PlatformConfig.fromEnvironment(
                    env("SEI_SNAPSHOT_BUCKET", "s3://sei-snapshots/pacific-1")))
        .hasMessage(
            "SEI_SNAPSHOT_BUCKET is invalid: 's3://sei-snapshots/pacific-1' must be a bucket name,"
                + " not a URL or path (the sidecar builds object keys itself; set SEI_S3_ENDPOINT"
                + " for an S3-compatible endpoint)");
  }

  @Test
  void everyOtherOptionHasADefault() {
    PlatformConfig config = PlatformConfig.fromEnvironment(env());
    assertThat(config.kubeRbacProxyImage()).isEqualTo(PROXY);
    assertThat(config.sidecarImage()).isEqualTo("ghcr.io/sei-protocol/seictl:latest");
    assertThat(config.chainStorage())
        .isEqualTo(
            new ChainStorage(
                "sei-genesis", "us-east-2", "sei-snapshots", "us-east-2", Optional.empty()));
    assertThat(config.storageClass()).isEmpty();
    assertThat(config.dataVolumeSize()).isEqualTo(new Quantity("100Gi"));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.minRequeue()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.sidecarEndpoint()).isEqualTo(SidecarEndpointMode.SERVICE_DNS);
    assertThat(config.operatorTokenFile())
        .isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
    assertThat(config.seidResources().getRequests())
        .containsOnly(entry("cpu", new Quantity("1")), entry("memory", new Quantity("4Gi")));
    assertThat(config.seidResources().getLimits())
        .containsOnly(entry("memory", new Quantity("8Gi")));
    assertThat(config.nodeAccess()).isEqualTo(new NodeAccess("sei-node", Optional.empty()));
    assertThat(config.watchNamespaces()).isEmpty();
  }

  @Test
  void theNetworkPolicyAdmitsTheOperatorsPodsByNamespaceAndLabels() {
    PlatformConfig config =
        PlatformConfig.fromEnvironment(
            env(
                "SEI_NETWORK_POLICY", "true",
                "SEI_OPERATOR_NAMESPACE", "sei-operator",
                "SEI_OPERATOR_POD_LABELS", "app.kubernetes.io/name=sei-operator, tier=control",
                "SEI_NODE_SERVICE_ACCOUNT", "chain-nodes",
                "SEI_WATCH_NAMESPACES", "pacific-1, atlantic-2"));
    assertThat(config.nodeAccess())
        .isEqualTo(
            new NodeAccess(
                "chain-nodes",
                Optional.of(
                    new NodeAccess.OperatorPods(
                        "sei-operator",
                        Map.of("app.kubernetes.io/name", "sei-operator", "tier", "control")))));
    assertThat(config.watchNamespaces()).containsExactlyInAnyOrder("pacific-1", "atlantic-2");
  }

  @Test
  void theNetworkPolicyNeedsTheOperatorsNamespace() {
    assertThatThrownBy(() -> PlatformConfig.fromEnvironment(env("SEI_NETWORK_POLICY", "true")))
        .hasMessage(
            "SEI_OPERATOR_NAMESPACE is required when SEI_NETWORK_POLICY=true: the NetworkPolicy"
                + " admits port 8443 from the operator's pods in that namespace");
  }

  @Test
  void readsEveryOptionFromTheEnvironment() {
    PlatformConfig config =
        PlatformConfig.fromEnvironment(
            env(
                "SEI_SIDECAR_IMAGE", "seictl:dev",
                "SEI_SNAPSHOT_BUCKET", "snapshots.example",
                "SEI_S3_ENDPOINT", "http://127.0.0.1:9000",
                "SEI_STORAGE_CLASS", "fast",
                "SEI_DATA_VOLUME_SIZE", "2Ti",
                "SEI_SIDECAR_REQUESTS", "cpu=1, memory=1Gi",
                "SEI_PROXY_LIMITS", "none",
                "SEI_POLL_INTERVAL", "1m",
                "SEI_MIN_REQUEUE", "250ms",
                "SEI_SIDECAR_ENDPOINT", "pod-ip",
                "SEI_OPERATOR_TOKEN_FILE", "/tmp/token"));
    assertThat(config.sidecarImage()).isEqualTo("seictl:dev");
    assertThat(config.chainStorage().snapshotBucket()).isEqualTo("snapshots.example");
    assertThat(config.chainStorage().endpoint()).contains("http://127.0.0.1:9000");
    assertThat(config.storageClass()).contains("fast");
    assertThat(config.dataVolumeSize()).isEqualTo(new Quantity("2Ti"));
    assertThat(config.sidecarResources().getRequests())
        .containsOnly(entry("cpu", new Quantity("1")), entry("memory", new Quantity("1Gi")));
    assertThat(config.proxyResources().getLimits()).isEmpty();
    assertThat(config.pollInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.minRequeue()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.sidecarEndpoint()).isEqualTo(SidecarEndpointMode.POD_IP);
    assertThat(config.operatorTokenFile()).isEqualTo(Path.of("/tmp/token"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SEI_KUBE_RBAC_PROXY_IMAGE | kube rbac proxy",
        "SEI_SIDECAR_IMAGE         | seictl latest",
        "SEI_DATA_VOLUME_SIZE      | lots",
        "SEI_DATA_VOLUME_SIZE      | 0Gi",
        "SEI_SEID_REQUESTS         | cpu:1",
        "SEI_SEID_REQUESTS         | gpu=1",
        "SEI_SEID_LIMITS           | memory=8Gi,memory=9Gi",
        "SEI_SIDECAR_LIMITS        | memory=much",
        "SEI_POLL_INTERVAL         | 5",
        "SEI_POLL_INTERVAL         | 0s",
        "SEI_MIN_REQUEUE           | fast",
        "SEI_SIDECAR_ENDPOINT      | dns",
        "SEI_OPERATOR_TOKEN_FILE   | token",
        "SEI_NODE_SERVICE_ACCOUNT  | Sei_Node",
        "SEI_NETWORK_POLICY        | yes",
        "SEI_OPERATOR_NAMESPACE    | sei operator",
        "SEI_OPERATOR_POD_LABELS   | app",
        "SEI_OPERATOR_POD_LABELS   | a=b,a=c",
        "SEI_WATCH_NAMESPACES      | pacific-1,Atlantic",
      })
  void aMalformedValueIsRefusedNamingItsVariable(String variable, String value) {
    assertThatThrownBy(() -> PlatformConfig.fromEnvironment(env(variable, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable + " is invalid: '" + value + "'")
        .extracting(e -> ((ConfigException) e).variable())
        .isEqualTo(variable);
  }

  @Test
  void theMinimumRequeueMustNotExceedThePollInterval() {
    assertThatThrownBy(
            () ->
                PlatformConfig.fromEnvironment(
                    env("SEI_POLL_INTERVAL", "1s", "SEI_MIN_REQUEUE", "2s")))
        .hasMessage(
            "SEI_MIN_REQUEUE is invalid: it must not exceed SEI_POLL_INTERVAL (2000ms > 1000ms)");
  }

  @Test
  void optionsAreListedOnceEach() {
    assertThat(PlatformConfig.OPTIONS)
        .extracting(ConfigOption::variable)
        .doesNotHaveDuplicates()
        .allMatch(v -> v.startsWith("SEI_"));
    assertThat(PlatformConfig.OPTIONS)
        .filteredOn(ConfigOption::isRequired)
        .extracting(ConfigOption::variable)
        .containsExactly(
            "SEI_KUBE_RBAC_PROXY_IMAGE",
            "SEI_GENESIS_BUCKET",
            "SEI_GENESIS_REGION",
            "SEI_SNAPSHOT_BUCKET",
            "SEI_SNAPSHOT_REGION");
  }
}
