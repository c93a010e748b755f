package io.sei.operator.planner.task;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The task catalog (SPEC §5.1). Each type has the wire name stored in {@code PlannedTask.type}, the
 * side that executes it, its params record (named after the wire name: {@code observe-signing-key}
 * → {@link ObserveSigningKeyParams}) and its default retry budget (SPEC §5.2; see {@link
 * RetryPolicy} for overrides).
 */
public enum TaskType {
  ENSURE_DATA_PVC("ensure-data-pvc", TaskSide.KUBERNETES, EnsureDataPvcParams.class, 0),
  VALIDATE_SIGNING_KEY(
      "validate-signing-key", TaskSide.KUBERNETES, ValidateSigningKeyParams.class, 0),
  VALIDATE_NODE_KEY("validate-node-key", TaskSide.KUBERNETES, ValidateNodeKeyParams.class, 0),
  APPLY_RBAC_PROXY_CONFIG(
      "apply-rbac-proxy-config", TaskSide.KUBERNETES, ApplyRbacProxyConfigParams.class, 0),
  APPLY_STATEFULSET("apply-statefulset", TaskSide.KUBERNETES, ApplyStatefulsetParams.class, 0),
  APPLY_SERVICE("apply-service", TaskSide.KUBERNETES, ApplyServiceParams.class, 0),
  REPLACE_POD("replace-pod", TaskSide.KUBERNETES, ReplacePodParams.class, 3),
  OBSERVE_IMAGE("observe-image", TaskSide.KUBERNETES, ObserveImageParams.class, 0),
  OBSERVE_SIGNING_KEY("observe-signing-key", TaskSide.KUBERNETES, ObserveSigningKeyParams.class, 0),
  DEPLOY_BOOTSTRAP_SERVICE(
      "deploy-bootstrap-service", TaskSide.KUBERNETES, DeployBootstrapServiceParams.class, 0),
  DEPLOY_BOOTSTRAP_JOB(
      "deploy-bootstrap-job", TaskSide.KUBERNETES, DeployBootstrapJobParams.class, 0),
  AWAIT_BOOTSTRAP_COMPLETE(
      "await-bootstrap-complete", TaskSide.KUBERNETES, AwaitBootstrapCompleteParams.class, 0),
  TEARDOWN_BOOTSTRAP("teardown-bootstrap", TaskSide.KUBERNETES, TeardownBootstrapParams.class, 0),

  SNAPSHOT_RESTORE("snapshot-restore", TaskSide.SIDECAR, SnapshotRestoreParams.class, 0),
  CONFIGURE_GENESIS("configure-genesis", TaskSide.SIDECAR, ConfigureGenesisParams.class, 180),
  CONFIG_APPLY("config-apply", TaskSide.SIDECAR, ConfigApplyParams.class, 0),
  CONFIGURE_STATE_SYNC("configure-state-sync", TaskSide.SIDECAR, ConfigureStateSyncParams.class, 0),
  CONFIG_VALIDATE("config-validate", TaskSide.SIDECAR, ConfigValidateParams.class, 0),
  MARK_READY("mark-ready", TaskSide.SIDECAR, MarkReadyParams.class, 0),

  CREATE_ENTRANT_NODES("create-entrant-nodes", TaskSide.GROUP, CreateEntrantNodesParams.class, 0),
  AWAIT_NODES_RUNNING("await-nodes-running", TaskSide.GROUP, AwaitNodesRunningParams.class, 0),
  AWAIT_NODES_CAUGHT_UP("await-nodes-caught-up", TaskSide.GROUP, AwaitNodesCaughtUpParams.class, 0),
  SWITCH_TRAFFIC("switch-traffic", TaskSide.GROUP, SwitchTrafficParams.class, 0),
  TEARDOWN_NODES("teardown-nodes", TaskSide.GROUP, TeardownNodesParams.class, 0),
  HAND_OVER_VALIDATOR_KEYS(
      "hand-over-validator-keys", TaskSide.GROUP, HandOverValidatorKeysParams.class, 0),
  UPDATE_NODE_SPECS("update-node-specs", TaskSide.GROUP, UpdateNodeSpecsParams.class, 0),
  AWAIT_NODES_UPDATED("await-nodes-updated", TaskSide.GROUP, AwaitNodesUpdatedParams.class, 0);

  private static final Map<String, TaskType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(TaskType::wireName, Function.identity()));
  private static final Map<Class<? extends TaskParams>, TaskType> BY_PARAMS =
      Arrays.stream(values()).collect(Collectors.toMap(TaskType::paramsClass, Function.identity()));

  private final String wireName;
  private final TaskSide side;
  private final Class<? extends TaskParams> paramsClass;
  private final int defaultMaxRetries;

  TaskType(
      String wireName,
      TaskSide side,
      Class<? extends TaskParams> paramsClass,
      int defaultMaxRetries) {
    this.wireName = wireName;
    this.side = side;
    this.paramsClass = paramsClass;
    this.defaultMaxRetries = defaultMaxRetries;
  }

  /**
   * The name stored in {@code PlannedTask.type} and sent to the sidecar, e.g. {@code mark-ready}.
   */
  public String wireName() {
    return wireName;
  }

  public TaskSide side() {
    return side;
  }

  /** The record its {@code PlannedTask.params} JSON decodes to. */
  public Class<? extends TaskParams> paramsClass() {
    return paramsClass;
  }

  /** Retries allowed by SPEC §5.2 before a failing task fails its plan. */
  public int defaultMaxRetries() {
    return defaultMaxRetries;
  }

  /** The type of a wire name, empty when the catalog has no such task. */
  public static Optional<TaskType> fromWireName(String wireName) {
    return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
  }

  /** The type whose params record is {@code params}. */
  public static TaskType of(TaskParams params) {
    return BY_PARAMS.get(params.getClass());
  }

  @Override
  public String toString() {
    return wireName;
  }
}
