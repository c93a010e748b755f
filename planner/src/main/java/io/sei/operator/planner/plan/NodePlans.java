package io.sei.operator.planner.plan;

import io.sei.operator.api.DataVolumeSpec;
import io.sei.operator.api.ImportSpec;
import io.sei.operator.api.LabelPeers;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.StaticPeers;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.planner.drift.NodeDrift;
import io.sei.operator.planner.task.ApplyRbacProxyConfigParams;
import io.sei.operator.planner.task.ApplyServiceParams;
import io.sei.operator.planner.task.ApplyStatefulsetParams;
import io.sei.operator.planner.task.AwaitBootstrapCompleteParams;
import io.sei.operator.planner.task.ConfigApplyParams;
import io.sei.operator.planner.task.ConfigValidateParams;
import io.sei.operator.planner.task.ConfigureGenesisParams;
import io.sei.operator.planner.task.ConfigureStateSyncParams;
import io.sei.operator.planner.task.DeployBootstrapJobParams;
import io.sei.operator.planner.task.DeployBootstrapServiceParams;
import io.sei.operator.planner.task.EnsureDataPvcParams;
import io.sei.operator.planner.task.MarkReadyParams;
import io.sei.operator.planner.task.NodeMode;
import io.sei.operator.planner.task.ObserveImageParams;
import io.sei.operator.planner.task.ObserveSigningKeyParams;
import io.sei.operator.planner.task.ReplacePodParams;
import io.sei.operator.planner.task.SnapshotRestoreParams;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.TeardownBootstrapParams;
import io.sei.operator.planner.task.ValidateNodeKeyParams;
import io.sei.operator.planner.task.ValidateSigningKeyParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The task sequences of node plans (docs/planner.md), as ordered params without ids. {@link
 * NodePlanner} assembles them into stored plans; the specs passed here have passed {@link
 * NodeSpecCheck}.
 */
public final class NodePlans {
  private NodePlans() {}

  /**
   * True when the spec asks for a bootstrap: {@code bootstrapImage} set and {@code s3.targetHeight
   * > 0}.
   */
  public static boolean needsBootstrap(SeiNodeSpec spec) {
    return snapshot(spec)
        .filter(s -> s.getBootstrapImage() != null && !s.getBootstrapImage().isBlank())
        .filter(s -> s.getS3() != null && targetHeight(s) > 0)
        .isPresent();
  }

  /**
   * Init without bootstrap: {@code ensure-data-pvc}, validations, {@code apply-rbac-proxy-config},
   * {@code apply-statefulset}, {@code apply-service}, then the sidecar progression.
   */
  public static List<TaskParams> init(SeiNode node) {
    SeiNodeSpec spec = node.getSpec();
    List<TaskParams> steps = new ArrayList<>();
    steps.add(ensureDataPvc(spec));
    steps.addAll(keyValidations(spec));
    steps.add(new ApplyRbacProxyConfigParams());
    steps.add(new ApplyStatefulsetParams(spec.getImage()));
    steps.add(new ApplyServiceParams());
    steps.addAll(sidecarProgression(node));
    return steps;
  }

  /** Bootstrap, phases 0–5 (docs/planner.md). */
  public static List<TaskParams> bootstrap(SeiNode node) {
    SeiNodeSpec spec = node.getSpec();
    SnapshotSource snapshot = snapshot(spec).orElseThrow();
    List<TaskParams> steps = new ArrayList<>();
    // Phase 0: volume, proxy config (the bootstrap pod mounts it too), validations.
    steps.add(ensureDataPvc(spec));
    steps.add(new ApplyRbacProxyConfigParams());
    steps.addAll(keyValidations(spec));
    // Phase 1: the bootstrap pod, halting at the target height.
    steps.add(new DeployBootstrapServiceParams());
    steps.add(new DeployBootstrapJobParams(snapshot.getBootstrapImage(), targetHeight(snapshot)));
    // Phase 2: configure the bootstrap pod; its mark-ready lets seid start.
    steps.addAll(sidecarProgression(node));
    // Phase 3: wait for the halt (or the stop for the upgrade), drop the Job and its Service (the
    // PVC stays).
    steps.add(
        upgradeName(snapshot)
            .map(name -> new AwaitBootstrapCompleteParams(name, targetHeight(snapshot)))
            .orElseGet(AwaitBootstrapCompleteParams::halting));
    steps.add(new TeardownBootstrapParams());
    // Phase 4: the production pod with the production image.
    steps.add(new ApplyStatefulsetParams(spec.getImage()));
    steps.add(new ApplyServiceParams());
    // Phase 5: configure the production pod.
    steps.add(new ConfigureGenesisParams());
    steps.add(configApply(node));
    steps.add(new ConfigValidateParams());
    steps.add(new MarkReadyParams());
    return steps;
  }

  /**
   * {@code buildNodeUpdatePlan}: {@code validate-signing-key} first on key drift, the shared pod
   * cycle {@code apply-rbac-proxy-config → apply-statefulset → apply-service → replace-pod} (the
   * new pod's proxy config, identity and network policy as this operator renders them), {@code
   * mark-ready} (which lets the new pod's seid start), then the observers of each drift. Co-drift
   * is one plan with one pod cycle and both observers.
   */
  public static List<TaskParams> nodeUpdate(SeiNode node, boolean imageDrift, boolean keyDrift) {
    SeiNodeSpec spec = node.getSpec();
    Optional<String> secret = NodeDrift.signingKeySecret(spec).filter(s -> keyDrift);
    List<TaskParams> steps = new ArrayList<>();
    secret.map(ValidateSigningKeyParams::new).ifPresent(steps::add);
    // The node key moves with the signing key: a missing one must fail before the pod is cycled.
    NodeDrift.nodeKeySecret(spec)
        .filter(s -> keyDrift)
        .map(ValidateNodeKeyParams::new)
        .ifPresent(steps::add);
    steps.add(new ApplyRbacProxyConfigParams());
    steps.add(new ApplyStatefulsetParams(spec.getImage()));
    steps.add(new ApplyServiceParams());
    steps.add(new ReplacePodParams());
    // The new pod's seid starts only after mark-ready, so the observers come after it.
    steps.add(new MarkReadyParams());
    if (imageDrift) {
      steps.add(new ObserveImageParams(spec.getImage()));
    }
    secret.map(ObserveSigningKeyParams::new).ifPresent(steps::add);
    return steps;
  }

  /** The one-task plan that re-applies {@code mark-ready} when the sidecar lost readiness. */
  public static List<TaskParams> markReady() {
    return List.of(new MarkReadyParams());
  }

  /**
   * The sidecar progression by snapshot source: S3 {@code snapshot-restore, configure-genesis,
   * config-apply, configure-state-sync (useLocalSnapshot), config-validate, mark-ready}; state sync
   * the same without {@code snapshot-restore} (the witnesses are the persistent peers); genesis (no
   * snapshot) also without {@code configure-state-sync}. Peers reach seid through {@code
   * config-apply}.
   */
  public static List<TaskParams> sidecarProgression(SeiNode node) {
    SeiNodeSpec spec = node.getSpec();
    Optional<SnapshotSource> snapshot = snapshot(spec);
    List<TaskParams> steps = new ArrayList<>();
    snapshot
        .filter(s -> s.getS3() != null)
        .ifPresent(s -> steps.add(new SnapshotRestoreParams(restoreHeight(s))));
    steps.add(new ConfigureGenesisParams());
    steps.add(configApply(node));
    snapshot.ifPresent(
        s ->
            steps.add(
                new ConfigureStateSyncParams(
                    s.getTrustPeriod(),
                    Objects.requireNonNullElse(s.getBackfillBlocks(), 0L),
                    s.getS3() != null)));
    steps.add(new ConfigValidateParams());
    steps.add(new MarkReadyParams());
    return steps;
  }

  /** The snapshot source of the spec's mode; archive nodes and genesis syncs have none. */
  public static Optional<SnapshotSource> snapshot(SeiNodeSpec spec) {
    if (spec.getFullNode() != null) {
      return Optional.ofNullable(spec.getFullNode().getSnapshot());
    }
    return Optional.ofNullable(spec.getValidator()).map(ValidatorSpec::getSnapshot);
  }

  /** {@code s3.targetHeight}, 0 when unset. */
  static long targetHeight(SnapshotSource snapshot) {
    return Optional.ofNullable(snapshot.getS3()).map(S3Snapshot::getTargetHeight).orElse(0L);
  }

  /**
   * {@code s3.upgradeName}, when set: the bootstrap runs into that upgrade at the target height.
   */
  static Optional<String> upgradeName(SnapshotSource snapshot) {
    return Optional.ofNullable(snapshot.getS3())
        .map(S3Snapshot::getUpgradeName)
        .filter(n -> !n.isBlank());
  }

  /**
   * The height the restored snapshot may reach: the target height, or the block below it when the
   * bootstrap must run into an upgrade at the target (a snapshot at that height would already be
   * past the upgrade).
   */
  static long restoreHeight(SnapshotSource snapshot) {
    long target = targetHeight(snapshot);
    return upgradeName(snapshot).isPresent() && target > 0 ? target - 1 : target;
  }

  private static EnsureDataPvcParams ensureDataPvc(SeiNodeSpec spec) {
    return new EnsureDataPvcParams(
        Optional.ofNullable(spec.getDataVolume())
            .map(DataVolumeSpec::getDataImport)
            .map(ImportSpec::getPvcName)
            .orElse(null));
  }

  private static List<TaskParams> keyValidations(SeiNodeSpec spec) {
    List<TaskParams> steps = new ArrayList<>();
    NodeDrift.signingKeySecret(spec).map(ValidateSigningKeyParams::new).ifPresent(steps::add);
    NodeDrift.nodeKeySecret(spec).map(ValidateNodeKeyParams::new).ifPresent(steps::add);
    return steps;
  }

  /**
   * The override {@value ConfigApplyParams#DOUBLE_SIGN_CHECK_HEIGHT} a validator gets unless its
   * spec sets one: before it signs, seid looks this many blocks back for a signature of its own key
   * and refuses to start if it finds one, the last line of defence against a second holder.
   */
  public static final String DEFAULT_DOUBLE_SIGN_CHECK_HEIGHT = "10";

  /**
   * {@code config-apply} with the spec's mode, overrides (for a validator, with {@link
   * #DEFAULT_DOUBLE_SIGN_CHECK_HEIGHT} unless given) and peer sources.
   */
  private static ConfigApplyParams configApply(SeiNode node) {
    SeiNodeSpec spec = node.getSpec();
    NodeMode mode = NodeMode.of(spec).orElseThrow();
    Map<String, String> overrides =
        new TreeMap<>(Optional.ofNullable(spec.getOverrides()).orElse(Map.of()));
    if (mode == NodeMode.VALIDATOR) {
      overrides.putIfAbsent(
          ConfigApplyParams.DOUBLE_SIGN_CHECK_HEIGHT, DEFAULT_DOUBLE_SIGN_CHECK_HEIGHT);
    }
    List<String> addresses = new ArrayList<>();
    List<ConfigApplyParams.PeerSelector> selectors = new ArrayList<>();
    for (PeerSource peer : Optional.ofNullable(spec.getPeers()).orElse(List.of())) {
      Optional.ofNullable(peer.getStaticPeers())
          .map(StaticPeers::getAddresses)
          .ifPresent(addresses::addAll);
      Optional.ofNullable(peer.getLabel())
          .map(label -> selector(label, node.getMetadata().getNamespace()))
          .ifPresent(selectors::add);
    }
    return new ConfigApplyParams(mode, overrides, addresses, selectors);
  }

  private static ConfigApplyParams.PeerSelector selector(LabelPeers label, String nodeNamespace) {
    return new ConfigApplyParams.PeerSelector(
        label.getSelector(), label.getNamespace() != null ? label.getNamespace() : nodeNamespace);
  }
}
