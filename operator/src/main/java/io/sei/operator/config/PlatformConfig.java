package io.sei.operator.config;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's settings, read from the operator's environment and validated at startup. Every
 * option is listed in {@link #OPTIONS} (the source of the table in docs/operator.md).
 *
 * @param kubeRbacProxyImage image of the kube-rbac-proxy that fronts every sidecar
 * @param sidecarImage sidecar image when a SeiNode names none
 * @param chainStorage the S3 buckets, regions and endpoint every sidecar is given
 * @param storageClass storage class of data PVCs; the cluster default when empty
 * @param dataVolumeSize size of data PVCs
 * @param seidResources resources of the seid container
 * @param sidecarResources resources of the sidecar when a SeiNode names none
 * @param proxyResources resources of the kube-rbac-proxy container
 * @param pollInterval longest requeue while a plan waits
 * @param minRequeue shortest requeue while a plan waits
 * @param nodeUpdateTimeout how long a node update may wait for its new pod's seid to run, ready,
 *     before it fails
 * @param sidecarEndpoint how the operator addresses sidecars
 * @param operatorTokenFile the operator's ServiceAccount token, sent to the proxy
 * @param nodeAccess the identity and network policy of node pods
 * @param watchNamespaces the namespaces the operator watches; all when empty
 */
public record PlatformConfig(
    String kubeRbacProxyImage,
    String sidecarImage,
    ChainStorage chainStorage,
    Optional<String> storageClass,
    Quantity dataVolumeSize,
    ResourceRequirements seidResources,
    ResourceRequirements sidecarResources,
    ResourceRequirements proxyResources,
    Duration pollInterval,
    Duration minRequeue,
    Duration nodeUpdateTimeout,
    SidecarEndpointMode sidecarEndpoint,
    Path operatorTokenFile,
    NodeAccess nodeAccess,
    Set<String> watchNamespaces) {

  public static final ConfigOption<String> KUBE_RBAC_PROXY_IMAGE =
      ConfigOption.required(
          "SEI_KUBE_RBAC_PROXY_IMAGE",
          "image of the kube-rbac-proxy that fronts every node's sidecar"
              + " (e.g. quay.io/brancz/kube-rbac-proxy:v0.19.1)",
          ConfigValues::image);
  public static final ConfigOption<String> SIDECAR_IMAGE =
      ConfigOption.optional(
          "SEI_SIDECAR_IMAGE",
          "ghcr.io/sei-protocol/seictl:latest",
          "sidecar image for nodes whose spec.sidecar.image is empty",
          ConfigValues::image);
  public static final ConfigOption<String> GENESIS_BUCKET =
      ConfigOption.required(
          "SEI_GENESIS_BUCKET",
          "S3 bucket name of genesis files for chains the sidecar does not embed, passed to every"
              + " sidecar as SEI_GENESIS_BUCKET (e.g. sei-genesis)",
          ConfigValues::bucket);
  public static final ConfigOption<String> GENESIS_REGION =
      ConfigOption.required(
          "SEI_GENESIS_REGION",
          "region of SEI_GENESIS_BUCKET, passed to every sidecar (e.g. us-east-2)",
          ConfigValues::region);
  public static final ConfigOption<String> SNAPSHOT_BUCKET =
      ConfigOption.required(
          "SEI_SNAPSHOT_BUCKET",
          "S3 bucket name of state-sync snapshots (<chainId>/state-sync/<height>.tar.gz), passed"
              + " to every sidecar as SEI_SNAPSHOT_BUCKET (e.g. sei-snapshots)",
          ConfigValues::bucket);
  public static final ConfigOption<String> SNAPSHOT_REGION =
      ConfigOption.required(
          "SEI_SNAPSHOT_REGION",
          "region of SEI_SNAPSHOT_BUCKET, passed to every sidecar (e.g. us-east-2)",
          ConfigValues::region);
  public static final ConfigOption<Optional<String>> S3_ENDPOINT =
      ConfigOption.optional(
          "SEI_S3_ENDPOINT",
          "",
          "URL of an S3-compatible endpoint for both buckets, passed to every sidecar as"
              + " AWS_ENDPOINT_URL_S3 (the AWS SDK's endpoint override); AWS S3 itself when empty",
          ConfigValues::optionalUrl);
  public static final ConfigOption<Optional<String>> STORAGE_CLASS =
      ConfigOption.optional(
          "SEI_STORAGE_CLASS",
          "",
          "storage class of data PVCs; the cluster's default class when empty",
          ConfigValues::optionalText);
  public static final ConfigOption<Quantity> DATA_VOLUME_SIZE =
      ConfigOption.optional(
          "SEI_DATA_VOLUME_SIZE", "100Gi", "size of data PVCs", ConfigValues::quantity);
  public static final ConfigOption<Map<String, Quantity>> SEID_REQUESTS =
      resources("SEI_SEID_REQUESTS", "cpu=1,memory=4Gi", "requests of the seid container");
  public static final ConfigOption<Map<String, Quantity>> SEID_LIMITS =
      resources("SEI_SEID_LIMITS", "memory=8Gi", "limits of the seid container");
  public static final ConfigOption<Map<String, Quantity>> SIDECAR_REQUESTS =
      resources(
          "SEI_SIDECAR_REQUESTS",
          "cpu=100m,memory=128Mi",
          "requests of the sidecar when spec.sidecar.resources is empty");
  public static final ConfigOption<Map<String, Quantity>> SIDECAR_LIMITS =
      resources(
          "SEI_SIDECAR_LIMITS",
          "memory=256Mi",
          "limits of the sidecar when spec.sidecar.resources is empty");
  public static final ConfigOption<Map<String, Quantity>> PROXY_REQUESTS =
      resources(
          "SEI_PROXY_REQUESTS", "cpu=10m,memory=32Mi", "requests of the kube-rbac-proxy container");
  public static final ConfigOption<Map<String, Quantity>> PROXY_LIMITS =
      resources("SEI_PROXY_LIMITS", "memory=64Mi", "limits of the kube-rbac-proxy container");
  public static final ConfigOption<Duration> POLL_INTERVAL =
      ConfigOption.optional(
          "SEI_POLL_INTERVAL",
          "5s",
          "longest requeue while a plan waits (ms, s, m or h)",
          ConfigValues::duration);
  public static final ConfigOption<Duration> MIN_REQUEUE =
      ConfigOption.optional(
          "SEI_MIN_REQUEUE",
          "100ms",
          "shortest requeue while a plan waits; at most SEI_POLL_INTERVAL",
          ConfigValues::duration);
  public static final ConfigOption<Duration> NODE_UPDATE_TIMEOUT =
      ConfigOption.optional(
          "SEI_NODE_UPDATE_TIMEOUT",
          "10m",
          "how long a node update may wait for the new pod's seid to run the new spec and be ready;"
              + " then it fails with NodeUpdateInProgress=False/UpdateFailed saying what it waited"
              + " for",
          ConfigValues::duration);
  public static final ConfigOption<SidecarEndpointMode> SIDECAR_ENDPOINT =
      ConfigOption.optional(
          "SEI_SIDECAR_ENDPOINT",
          SidecarEndpointMode.SERVICE_DNS.value(),
          "how the operator reaches a sidecar's proxy on port 8443: "
              + SidecarEndpointMode.allValues()
              + " (pod-ip when the operator runs outside the cluster)",
          ConfigValues::endpointMode);
  public static final ConfigOption<Path> OPERATOR_TOKEN_FILE =
      ConfigOption.optional(
          "SEI_OPERATOR_TOKEN_FILE",
          "/var/run/secrets/kubernetes.io/serviceaccount/token",
          "bearer token sent to kube-rbac-proxy; re-read when the file changes",
          ConfigValues::absolutePath);
  public static final ConfigOption<String> NODE_SERVICE_ACCOUNT =
      ConfigOption.optional(
          "SEI_NODE_SERVICE_ACCOUNT",
          "sei-node",
          "ServiceAccount of every node and bootstrap pod, created in a node's namespace when"
              + " missing and bound to the ClusterRole "
              + NodeAccess.PROXY_ROLE
              + " (TokenReview and SubjectAccessReview for the pod's kube-rbac-proxy); its token is"
              + " mounted into the proxy container only",
          ConfigValues::name);
  public static final ConfigOption<Boolean> NETWORK_POLICY =
      ConfigOption.optional(
          "SEI_NETWORK_POLICY",
          "false",
          "true renders a NetworkPolicy per node: port 8443 (kube-rbac-proxy) only from the"
              + " operator's pods, seid's RPC and P2P ports from anywhere, nothing else; needs a CNI"
              + " that enforces NetworkPolicies",
          ConfigValues::bool);
  public static final ConfigOption<Optional<String>> OPERATOR_NAMESPACE =
      ConfigOption.optional(
          "SEI_OPERATOR_NAMESPACE",
          "",
          "namespace of the operator's pods (the chart sets it); required when"
              + " SEI_NETWORK_POLICY=true",
          ConfigValues::optionalName);
  public static final ConfigOption<Map<String, String>> OPERATOR_POD_LABELS =
      ConfigOption.optional(
          "SEI_OPERATOR_POD_LABELS",
          "app.kubernetes.io/name=sei-operator",
          "labels of the operator's pods, the only pods the NetworkPolicy lets reach port 8443"
              + " (key=value,...)",
          ConfigValues::labels);
  public static final ConfigOption<Set<String>> WATCH_NAMESPACES =
      ConfigOption.optional(
          "SEI_WATCH_NAMESPACES",
          "",
          "comma-separated namespaces the operator watches (the chart's watchNamespaces, granted"
              + " through Roles in each); every namespace when empty",
          ConfigValues::names);

  /** Every option, in documentation order. */
  public static final List<ConfigOption<?>> OPTIONS =
      List.of(
          KUBE_RBAC_PROXY_IMAGE,
          SIDECAR_IMAGE,
          GENESIS_BUCKET,
          GENESIS_REGION,
          SNAPSHOT_BUCKET,
          SNAPSHOT_REGION,
          S3_ENDPOINT,
          STORAGE_CLASS,
          DATA_VOLUME_SIZE,
          SEID_REQUESTS,
          SEID_LIMITS,
          SIDECAR_REQUESTS,
          SIDECAR_LIMITS,
          PROXY_REQUESTS,
          PROXY_LIMITS,
          POLL_INTERVAL,
          MIN_REQUEUE,
          NODE_UPDATE_TIMEOUT,
          SIDECAR_ENDPOINT,
          OPERATOR_TOKEN_FILE,
          NODE_SERVICE_ACCOUNT,
          NETWORK_POLICY,
          OPERATOR_NAMESPACE,
          OPERATOR_POD_LABELS,
          WATCH_NAMESPACES);

  /**
   * Reads and validates every option.
   *
   * @throws ConfigException naming the first variable that is missing or malformed
   */
  public static PlatformConfig fromEnvironment(Map<String, String> environment) {
    PlatformConfig config =
        new PlatformConfig(
            KUBE_RBAC_PROXY_IMAGE.read(environment),
            SIDECAR_IMAGE.read(environment),
            new ChainStorage(
                GENESIS_BUCKET.read(environment),
                GENESIS_REGION.read(environment),
                SNAPSHOT_BUCKET.read(environment),
                SNAPSHOT_REGION.read(environment),
                S3_ENDPOINT.read(environment)),
            STORAGE_CLASS.read(environment),
            DATA_VOLUME_SIZE.read(environment),
            resourceRequirements(SEID_REQUESTS, SEID_LIMITS, environment),
            resourceRequirements(SIDECAR_REQUESTS, SIDECAR_LIMITS, environment),
            resourceRequirements(PROXY_REQUESTS, PROXY_LIMITS, environment),
            POLL_INTERVAL.read(environment),
            MIN_REQUEUE.read(environment),
            NODE_UPDATE_TIMEOUT.read(environment),
            SIDECAR_ENDPOINT.read(environment),
            OPERATOR_TOKEN_FILE.read(environment),
            nodeAccess(environment),
            WATCH_NAMESPACES.read(environment));
    if (config.minRequeue().compareTo(config.pollInterval()) > 0) {
      throw new ConfigException(
          MIN_REQUEUE.variable(),
          "is invalid: it must not exceed "
              + POLL_INTERVAL.variable()
              + " ("
              + config.minRequeue().toMillis()
              + "ms > "
              + config.pollInterval().toMillis()
              + "ms)");
    }
    return config;
  }

  private static NodeAccess nodeAccess(Map<String, String> environment) {
    String serviceAccount = NODE_SERVICE_ACCOUNT.read(environment);
    Map<String, String> operatorPods = OPERATOR_POD_LABELS.read(environment);
    Optional<String> operatorNamespace = OPERATOR_NAMESPACE.read(environment);
    if (!NETWORK_POLICY.read(environment)) {
      return new NodeAccess(serviceAccount, Optional.empty());
    }
    if (operatorNamespace.isEmpty()) {
      throw new ConfigException(
          OPERATOR_NAMESPACE.variable(),
          "is required when "
              + NETWORK_POLICY.variable()
              + "=true: the NetworkPolicy admits port 8443 from the operator's pods in that"
              + " namespace");
    }
    return new NodeAccess(
        serviceAccount,
        Optional.of(new NodeAccess.OperatorPods(operatorNamespace.get(), operatorPods)));
  }

  private static ConfigOption<Map<String, Quantity>> resources(
      String variable, String defaultValue, String description) {
    return ConfigOption.optional(
        variable,
        defaultValue,
        description + ", e.g. cpu=500m,memory=1Gi, or " + ConfigValues.NONE,
        ConfigValues::resourceList);
  }

  private static ResourceRequirements resourceRequirements(
      ConfigOption<Map<String, Quantity>> requests,
      ConfigOption<Map<String, Quantity>> limits,
      Map<String, String> environment) {
    ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
    Map<String, Quantity> requested = requests.read(environment);
    Map<String, Quantity> limited = limits.read(environment);
    if (!requested.isEmpty()) {
      builder.withRequests(requested);
    }
    if (!limited.isEmpty()) {
      builder.withLimits(limited);
    }
    return builder.build();
  }
}
