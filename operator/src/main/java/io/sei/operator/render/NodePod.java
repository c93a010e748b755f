package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SidecarSpec;
import io.sei.operator.config.ChainStorage;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.planner.drift.NodeDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one pod shape of a node, shared by the StatefulSet and the bootstrap Job: {@code seid}, the
 * sidecar ({@code seictl serve}) and kube-rbac-proxy as native sidecars (the sidecar first, so it
 * starts before the proxy), the data PVC at /sei and the proxy's ConfigMap. Only the production pod
 * mounts the validator's key Secrets.
 *
 * <p>seid starts only once the sidecar is ready: the proxy, the last native sidecar, has a startup
 * probe on the sidecar's {@code /v0/startupz} (503 until {@code mark-ready} completed), and the
 * kubelet starts a pod's main containers only after every native sidecar has started. A real {@code
 * seid start} does not wait for its sidecar by itself.
 *
 * <p>The pod runs as the node ServiceAccount with no automounted token: only the proxy mounts one
 * (projected, an hour long), for its TokenReviews and SubjectAccessReviews. Every container runs as
 * UID 65532 without privileges or capabilities, under the RuntimeDefault seccomp profile (the
 * {@code restricted} Pod Security Standard).
 */
public final class NodePod {
  private NodePod() {}

  public static final String SEID_CONTAINER = "seid";
  public static final String SIDECAR_CONTAINER = "sei-sidecar";
  public static final String PROXY_CONTAINER = "kube-rbac-proxy";

  public static final String RPC_PORT_NAME = "rpc";
  public static final String P2P_PORT_NAME = "p2p";
  public static final String PROXY_PORT_NAME = "proxy";

  /** seid's home on the data volume. */
  public static final String HOME = "/sei";

  /** Sidecar paths the proxy serves without authentication (probes and metrics). */
  public static final List<String> UNAUTHENTICATED_PATHS =
      List.of("/v0/healthz", "/v0/startupz", "/v0/livez", "/v0/metrics");

  /** The sidecar's environment ({@code seictl serve} reads its settings from it). */
  public static final String HOME_ENV = "SEI_HOME";

  public static final String PORT_ENV = "SEI_SIDECAR_PORT";
  public static final String AUTHN_MODE_ENV = "SEI_SIDECAR_AUTHN_MODE";
  public static final String AUTHN_MODE_TRUSTED_HEADER = "trusted-header";
  public static final String CHAIN_ID_ENV = "SEI_CHAIN_ID";
  public static final String GENESIS_BUCKET_ENV = "SEI_GENESIS_BUCKET";
  public static final String GENESIS_REGION_ENV = "SEI_GENESIS_REGION";
  public static final String SNAPSHOT_BUCKET_ENV = "SEI_SNAPSHOT_BUCKET";
  public static final String SNAPSHOT_REGION_ENV = "SEI_SNAPSHOT_REGION";
  public static final String S3_ENDPOINT_ENV = "AWS_ENDPOINT_URL_S3";

  /** The sidecar's readiness path, which gates seid's start through the proxy's startup probe. */
  public static final String STARTUP_PATH = "/v0/startupz";

  /**
   * How long the proxy's startup probe waits for {@code mark-ready} before the kubelet restarts the
   * proxy (and probes again): a week at one probe a second, longer than any snapshot restore.
   */
  static final int STARTUP_PERIOD_SECONDS = 1;

  static final int STARTUP_FAILURE_THRESHOLD = 7 * 24 * 3600;

  static final String DATA_VOLUME = "data";
  static final String PROXY_CONFIG_VOLUME = "rbac-proxy-config";
  static final String PROXY_TOKEN_VOLUME = "kube-rbac-proxy-token";
  static final String SIDECAR_TMP_VOLUME = "sidecar-tmp";

  /**
   * Where the proxy finds its API credentials: the in-cluster path of client-go (token, ca.crt,
   * namespace), a projected volume mounted into the proxy container only.
   */
  public static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  /** Lifetime of the proxy's projected token; the kubelet renews it at 80 %. */
  static final long PROXY_TOKEN_SECONDS = 3600;

  /**
   * The UID and GID of every container: the {@code nonroot} user of distroless images (seictl,
   * kube-rbac-proxy); also the pod's {@code fsGroup}, so the data volume and key files are readable
   * and writable by it.
   */
  static final long NON_ROOT_ID = 65532;

  /** Owner read-only, for key files. */
  private static final int KEY_FILE_MODE = 0400;

  private static final String ALWAYS = "Always";

  /** A key file from a Secret, mounted alone into seid's config directory. */
  private record KeyFile(String volume, String secretName, String fileName) {
    String mountPath() {
      return HOME + "/config/" + fileName;
    }
  }

  /** Labels that select the node's pod of {@code role}. */
  public static Map<String, String> selector(SeiNode node, PodRole role) {
    Map<String, String> selector = new TreeMap<>();
    selector.put(Labels.NODE, node.getMetadata().getName());
    selector.put(Labels.ROLE, role.label());
    return selector;
  }

  /**
   * The node's SeiNodeDeployment and revision labels, carried onto its pods so the group Service
   * can select the serving revision.
   */
  private static Map<String, String> groupLabels(SeiNode node) {
    Map<String, String> labels = new TreeMap<>();
    Optional.ofNullable(node.getMetadata().getLabels())
        .ifPresent(
            l -> {
              Optional.ofNullable(l.get(Labels.DEPLOYMENT))
                  .ifPresent(v -> labels.put(Labels.DEPLOYMENT, v));
              Optional.ofNullable(l.get(Labels.REVISION))
                  .ifPresent(v -> labels.put(Labels.REVISION, v));
            });
    return labels;
  }

  private static final String FALLBACK_TO_LOGS_ON_ERROR = "FallbackToLogsOnError";

  /**
   * The pod template of {@code role}: seid runs {@code seidImage} as {@code seid start --home /sei}
   * followed by {@code extraSeidArgs}.
   */
  static PodTemplateSpec template(
      SeiNode node,
      PlatformConfig config,
      PodRole role,
      String seidImage,
      List<String> extraSeidArgs) {
    List<KeyFile> keys = role == PodRole.PRODUCTION ? keyFiles(node) : List.of();
    List<String> seidArgs = new ArrayList<>(List.of("start", "--home", HOME));
    seidArgs.addAll(extraSeidArgs);

    List<VolumeMount> seidMounts = new ArrayList<>(List.of(dataMount()));
    keys.forEach(k -> seidMounts.add(keyMount(k)));
    Container seid =
        new ContainerBuilder()
            .withName(SEID_CONTAINER)
            .withImage(seidImage)
            .withCommand("seid")
            .withArgs(seidArgs)
            // A crash reports seid's last lines (the panic, the halt-height error) in the status.
            .withTerminationMessagePolicy(FALLBACK_TO_LOGS_ON_ERROR)
            .withPorts(
                new ContainerPortBuilder()
                    .withName(RPC_PORT_NAME)
                    .withContainerPort(Ports.SEID_RPC)
                    .build(),
                new ContainerPortBuilder()
                    .withName(P2P_PORT_NAME)
                    .withContainerPort(Ports.SEID_P2P)
                    .build())
            .withVolumeMounts(seidMounts)
            .withResources(config.seidResources())
            // seid may write outside its home (Go's temp dir, its user's home): its root file
            // system stays writable, everything else is as restricted as the other containers.
            .withSecurityContext(containerSecurity(false))
            .build();

    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName(DATA_VOLUME)
            .withNewPersistentVolumeClaim()
            .withClaimName(Names.dataClaim(node))
            .endPersistentVolumeClaim()
            .build());
    volumes.add(
        new VolumeBuilder()
            .withName(PROXY_CONFIG_VOLUME)
            .withNewConfigMap()
            .withName(Names.rbacProxyConfig(node))
            .endConfigMap()
            .build());
    volumes.add(
        new VolumeBuilder().withName(SIDECAR_TMP_VOLUME).withNewEmptyDir().endEmptyDir().build());
    volumes.add(proxyTokenVolume());
    keys.forEach(k -> volumes.add(keyVolume(k)));

    Map<String, String> labels = new TreeMap<>();
    Optional.ofNullable(node.getSpec().getPodLabels()).ifPresent(labels::putAll);
    labels.putAll(Ownership.childLabels(node));
    labels.putAll(groupLabels(node));
    labels.putAll(selector(node, role));

    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withSpec(
            new PodSpecBuilder()
                .withServiceAccountName(config.nodeAccess().serviceAccount())
                // No container gets an API token but the proxy, through its own projected volume.
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(podSecurity())
                .withInitContainers(sidecar(node, config), proxy(node, config))
                .withContainers(seid)
                .withVolumes(volumes)
                .build())
        .build();
  }

  /**
   * The sidecar, {@code seictl serve}: loopback only (trusted-header authn), no port published, no
   * probes of its own; its settings come from the environment.
   */
  private static Container sidecar(SeiNode node, PlatformConfig config) {
    Optional<SidecarSpec> spec = Optional.ofNullable(node.getSpec().getSidecar());
    ChainStorage storage = config.chainStorage();
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar(HOME_ENV, HOME, null));
    env.add(new EnvVar(PORT_ENV, Integer.toString(Names.sidecarPort(node)), null));
    env.add(new EnvVar(AUTHN_MODE_ENV, AUTHN_MODE_TRUSTED_HEADER, null));
    env.add(new EnvVar(CHAIN_ID_ENV, node.getSpec().getChainId(), null));
    env.add(new EnvVar(GENESIS_BUCKET_ENV, storage.genesisBucket(), null));
    env.add(new EnvVar(GENESIS_REGION_ENV, storage.genesisRegion(), null));
    env.add(new EnvVar(SNAPSHOT_BUCKET_ENV, storage.snapshotBucket(), null));
    env.add(new EnvVar(SNAPSHOT_REGION_ENV, storage.snapshotRegion(), null));
    storage.endpoint().ifPresent(url -> env.add(new EnvVar(S3_ENDPOINT_ENV, url, null)));
    return new ContainerBuilder()
        .withName(SIDECAR_CONTAINER)
        .withImage(
            spec.map(SidecarSpec::getImage).filter(i -> !i.isBlank()).orElse(config.sidecarImage()))
        .withRestartPolicy(ALWAYS)
        .withCommand("seictl")
        .withTerminationMessagePolicy(FALLBACK_TO_LOGS_ON_ERROR)
        .withArgs("serve")
        .withEnv(env)
        .withVolumeMounts(
            dataMount(),
            new VolumeMountBuilder().withName(SIDECAR_TMP_VOLUME).withMountPath("/tmp").build())
        .withResources(spec.map(SidecarSpec::getResources).orElse(config.sidecarResources()))
        .withSecurityContext(containerSecurity(true))
        .build();
  }

  /**
   * kube-rbac-proxy on :8443 plaintext, the only way into the sidecar. Its startup probe passes
   * once the sidecar is ready, and only then does the kubelet start seid.
   */
  private static Container proxy(SeiNode node, PlatformConfig config) {
    return new ContainerBuilder()
        .withName(PROXY_CONTAINER)
        .withImage(config.kubeRbacProxyImage())
        .withRestartPolicy(ALWAYS)
        .withArgs(
            "--insecure-listen-address=0.0.0.0:" + Ports.PROXY,
            "--upstream=http://127.0.0.1:" + Names.sidecarPort(node) + "/",
            "--config-file=" + RbacProxyConfigMap.MOUNT_PATH + "/" + RbacProxyConfigMap.CONFIG_KEY,
            "--ignore-paths=" + String.join(",", UNAUTHENTICATED_PATHS),
            "--auth-header-fields-enabled=true",
            "--auth-header-user-field-name=X-Remote-User",
            "--auth-header-groups-field-name=X-Remote-Groups")
        .withPorts(
            new ContainerPortBuilder()
                .withName(PROXY_PORT_NAME)
                .withContainerPort(Ports.PROXY)
                .build())
        .withStartupProbe(startupProbe())
        .withReadinessProbe(httpProbe("/v0/healthz"))
        .withLivenessProbe(httpProbe("/v0/livez"))
        .withVolumeMounts(
            new VolumeMountBuilder()
                .withName(PROXY_CONFIG_VOLUME)
                .withMountPath(RbacProxyConfigMap.MOUNT_PATH)
                .withReadOnly(true)
                .build(),
            new VolumeMountBuilder()
                .withName(PROXY_TOKEN_VOLUME)
                .withMountPath(SERVICE_ACCOUNT_DIR)
                .withReadOnly(true)
                .build())
        .withResources(config.proxyResources())
        .withSecurityContext(containerSecurity(true))
        .build();
  }

  /**
   * The proxy's API credentials, as the kubelet's automount would write them: a short-lived,
   * pod-bound token of the node ServiceAccount, the cluster's CA and the namespace.
   */
  private static Volume proxyTokenVolume() {
    return new VolumeBuilder()
        .withName(PROXY_TOKEN_VOLUME)
        .withNewProjected()
        .withDefaultMode(0444)
        .addNewSource()
        .withNewServiceAccountToken()
        .withPath("token")
        .withExpirationSeconds(PROXY_TOKEN_SECONDS)
        .endServiceAccountToken()
        .endSource()
        .addNewSource()
        .withNewConfigMap()
        .withName("kube-root-ca.crt")
        .addNewItem()
        .withKey("ca.crt")
        .withPath("ca.crt")
        .endItem()
        .endConfigMap()
        .endSource()
        .addNewSource()
        .withNewDownwardAPI()
        .addNewItem()
        .withPath("namespace")
        .withNewFieldRef()
        .withApiVersion("v1")
        .withFieldPath("metadata.namespace")
        .endFieldRef()
        .endItem()
        .endDownwardAPI()
        .endSource()
        .endProjected()
        .build();
  }

  /** The {@code restricted} Pod Security Standard, pod-wide. */
  private static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(NON_ROOT_ID)
        .withRunAsGroup(NON_ROOT_ID)
        .withFsGroup(NON_ROOT_ID)
        .withFsGroupChangePolicy("OnRootMismatch")
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  /**
   * No privilege escalation, no capabilities; a read-only root file system when {@code
   * readOnlyRoot}.
   */
  private static SecurityContext containerSecurity(boolean readOnlyRoot) {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(readOnlyRoot)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .build();
  }

  private static Probe startupProbe() {
    Probe probe = httpProbe(STARTUP_PATH);
    probe.setPeriodSeconds(STARTUP_PERIOD_SECONDS);
    probe.setFailureThreshold(STARTUP_FAILURE_THRESHOLD);
    return probe;
  }

  private static Probe httpProbe(String path) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(Ports.PROXY))
        .endHttpGet()
        .build();
  }

  private static VolumeMount dataMount() {
    return new VolumeMountBuilder().withName(DATA_VOLUME).withMountPath(HOME).build();
  }

  private static List<KeyFile> keyFiles(SeiNode node) {
    List<KeyFile> keys = new ArrayList<>();
    NodeDrift.signingKeySecret(node.getSpec())
        .ifPresent(s -> keys.add(new KeyFile("signing-key", s, "priv_validator_key.json")));
    NodeDrift.nodeKeySecret(node.getSpec())
        .ifPresent(s -> keys.add(new KeyFile("node-key", s, "node_key.json")));
    return keys;
  }

  private static Volume keyVolume(KeyFile key) {
    return new VolumeBuilder()
        .withName(key.volume())
        .withNewSecret()
        .withSecretName(key.secretName())
        .addNewItem()
        .withKey(key.fileName())
        .withPath(key.fileName())
        .endItem()
        .withDefaultMode(KEY_FILE_MODE)
        .endSecret()
        .build();
  }

  private static VolumeMount keyMount(KeyFile key) {
    return new VolumeMountBuilder()
        .withName(key.volume())
        .withMountPath(key.mountPath())
        .withSubPath(key.fileName())
        .withReadOnly(true)
        .build();
  }
}
