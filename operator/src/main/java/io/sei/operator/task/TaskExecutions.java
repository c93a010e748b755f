package io.sei.operator.task;

import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.TaskType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The execution of every node-side task type (Kubernetes and sidecar), one class per type. */
public final class TaskExecutions {
  private final Map<TaskType, TaskExecution<?>> byType;

  /** Executions of the given types only (tests stand in for the real ones). */
  public TaskExecutions(Map<TaskType, TaskExecution<?>> byType) {
    this.byType = new EnumMap<>(byType);
  }

  /** The operator's execution of every node-side task type. */
  public static TaskExecutions standard() {
    Map<TaskType, TaskExecution<?>> byType = new EnumMap<>(TaskType.class);
    byType.put(TaskType.ENSURE_DATA_PVC, new EnsureDataPvc());
    byType.put(TaskType.VALIDATE_SIGNING_KEY, new ValidateSigningKey());
    byType.put(TaskType.VALIDATE_NODE_KEY, new ValidateNodeKey());
    byType.put(TaskType.APPLY_RBAC_PROXY_CONFIG, new ApplyRbacProxyConfig());
    byType.put(TaskType.APPLY_STATEFULSET, new ApplyStatefulset());
    byType.put(TaskType.APPLY_SERVICE, new ApplyService());
    byType.put(TaskType.REPLACE_POD, new ReplacePod());
    byType.put(TaskType.OBSERVE_IMAGE, new ObserveImage());
    byType.put(TaskType.OBSERVE_SIGNING_KEY, new ObserveSigningKey());
    byType.put(TaskType.DEPLOY_BOOTSTRAP_SERVICE, new DeployBootstrapService());
    byType.put(TaskType.DEPLOY_BOOTSTRAP_JOB, new DeployBootstrapJob());
    byType.put(TaskType.AWAIT_BOOTSTRAP_COMPLETE, new AwaitBootstrapComplete());
    byType.put(TaskType.TEARDOWN_BOOTSTRAP, new TeardownBootstrap());
    byType.put(TaskType.SNAPSHOT_RESTORE, new SnapshotRestore());
    byType.put(TaskType.CONFIGURE_GENESIS, new ConfigureGenesis());
    byType.put(TaskType.CONFIG_APPLY, new ConfigApply());
    byType.put(TaskType.CONFIGURE_STATE_SYNC, new ConfigureStateSync());
    byType.put(TaskType.CONFIG_VALIDATE, new ConfigValidate());
    byType.put(TaskType.MARK_READY, new MarkReady());
    return new TaskExecutions(byType);
  }

  /**
   * Runs {@code params}' task in {@code context}.
   *
   * @throws TerminalTaskException for a task type no SeiNode executes (a group-side task)
   */
  public Progress run(TaskContext context, TaskParams params) {
    @SuppressWarnings("unchecked")
    TaskExecution<TaskParams> execution =
        (TaskExecution<TaskParams>)
            Optional.ofNullable(byType.get(params.type()))
                .orElseThrow(
                    () ->
                        new TerminalTaskException(
                            "task " + params.type() + " is not executed on a SeiNode"));
    return execution.run(context, params);
  }
}
