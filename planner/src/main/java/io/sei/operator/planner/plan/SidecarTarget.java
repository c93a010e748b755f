package io.sei.operator.planner.plan;

import io.sei.operator.api.TaskPlan;
import io.sei.operator.planner.task.TaskType;

/**
 * Which pod's sidecar a sidecar-side task goes to. In a bootstrap plan the sidecar tasks between
 * {@code deploy-bootstrap-job} and {@code teardown-bootstrap} configure the bootstrap pod (reached
 * through the bootstrap Service); all others go to the production pod.
 */
public enum SidecarTarget {
  PRODUCTION,
  BOOTSTRAP;

  /** The target of the task at {@code index} of {@code plan}. */
  public static SidecarTarget of(TaskPlan plan, int index) {
    SidecarTarget target = PRODUCTION;
    for (int i = 0; i < index; i++) {
      String type = plan.getTasks().get(i).getType();
      if (TaskType.DEPLOY_BOOTSTRAP_JOB.wireName().equals(type)) {
        target = BOOTSTRAP;
      } else if (TaskType.TEARDOWN_BOOTSTRAP.wireName().equals(type)) {
        target = PRODUCTION;
      }
    }
    return target;
  }
}
