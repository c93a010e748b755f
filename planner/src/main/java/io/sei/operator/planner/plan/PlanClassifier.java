package io.sei.operator.planner.plan;

import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.task.TaskType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code classifyPlan}: the {@code type} label of plan metrics, read from the plan's tasks alone
 * (so a plan found after a restart classifies the same).
 */
public final class PlanClassifier {
  private PlanClassifier() {}

  public static final String INIT = "init";
  public static final String BOOTSTRAP = "bootstrap";
  public static final String NODE_UPDATE_IMAGE = "node-update:image";
  public static final String NODE_UPDATE_SIGNING_KEY = "node-update:signing-key";
  public static final String NODE_UPDATE_IMAGE_AND_SIGNING_KEY = "node-update:image+signing-key";
  public static final String MARK_READY_REAPPLY = "mark-ready-reapply";

  /** A rollout undone: only the entrants are torn down, back to the incumbents' revision. */
  public static final String DEPLOYMENT_ROLLBACK = "deployment:rollback";

  public static final String UNKNOWN = "unknown";

  /** {@code deployment:InPlace}, {@code deployment:BlueGreen} or {@code deployment:HardFork}. */
  public static String deployment(UpdateStrategyType type) {
    return "deployment:" + type.name();
  }

  /** The class of {@code plan}. */
  public static String classify(TaskPlan plan) {
    List<PlannedTask> tasks = plan.getTasks() == null ? List.of() : plan.getTasks();
    Set<String> types = tasks.stream().map(PlannedTask::getType).collect(Collectors.toSet());
    if (types.contains(TaskType.DEPLOY_BOOTSTRAP_JOB.wireName())) {
      return BOOTSTRAP;
    }
    if (types.contains(TaskType.ENSURE_DATA_PVC.wireName())) {
      return INIT;
    }
    if (types.contains(TaskType.REPLACE_POD.wireName())) {
      return nodeUpdate(types);
    }
    if (types.contains(TaskType.UPDATE_NODE_SPECS.wireName())) {
      return deployment(UpdateStrategyType.InPlace);
    }
    if (types.contains(TaskType.CREATE_ENTRANT_NODES.wireName())) {
      return deployment(
          types.contains(TaskType.AWAIT_NODES_CAUGHT_UP.wireName())
              ? UpdateStrategyType.BlueGreen
              : UpdateStrategyType.HardFork);
    }
    if (types.equals(Set.of(TaskType.MARK_READY.wireName()))) {
      return MARK_READY_REAPPLY;
    }
    if (types.equals(Set.of(TaskType.TEARDOWN_NODES.wireName()))) {
      return DEPLOYMENT_ROLLBACK;
    }
    return UNKNOWN;
  }

  private static String nodeUpdate(Set<String> types) {
    boolean image = types.contains(TaskType.OBSERVE_IMAGE.wireName());
    boolean key = types.contains(TaskType.OBSERVE_SIGNING_KEY.wireName());
    if (image && key) {
      return NODE_UPDATE_IMAGE_AND_SIGNING_KEY;
    }
    return key ? NODE_UPDATE_SIGNING_KEY : NODE_UPDATE_IMAGE;
  }
}
