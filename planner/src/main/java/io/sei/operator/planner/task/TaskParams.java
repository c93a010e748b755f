package io.sei.operator.planner.task;

/**
 * Typed parameters of one task; each record maps to exactly one {@link TaskType} and round-trips
 * through {@code PlannedTask.params} with {@link TaskCodec}. Records serialize with their camelCase
 * component names; null components are omitted.
 */
public sealed interface TaskParams
    permits EnsureDataPvcParams,
        ValidateSigningKeyParams,
        ValidateNodeKeyParams,
        ApplyRbacProxyConfigParams,
        ApplyStatefulsetParams,
        ApplyServiceParams,
        ReplacePodParams,
        ObserveImageParams,
        ObserveSigningKeyParams,
        DeployBootstrapServiceParams,
        DeployBootstrapJobParams,
        AwaitBootstrapCompleteParams,
        TeardownBootstrapParams,
        SnapshotRestoreParams,
        ConfigureGenesisParams,
        ConfigApplyParams,
        ConfigureStateSyncParams,
        ConfigValidateParams,
        MarkReadyParams,
        CreateEntrantNodesParams,
        AwaitNodesRunningParams,
        AwaitNodesCaughtUpParams,
        SwitchTrafficParams,
        TeardownNodesParams,
        HandOverValidatorKeysParams,
        UpdateNodeSpecsParams,
        AwaitNodesUpdatedParams {

  /** The task type these params belong to. */
  default TaskType type() {
    return TaskType.of(this);
  }
}
