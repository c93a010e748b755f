package io.sei.operator.planner.plan;

import io.sei.operator.api.PlanPhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.planner.id.TaskIds;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an ordered list of params into a stored {@link TaskPlan}: every task Pending, with its
 * deterministic id ({@link TaskIds}), its params JSON and its retry budget.
 */
public final class PlanAssembler {
  private final RetryPolicy retries;

  public PlanAssembler(RetryPolicy retries) {
    this.retries = retries;
  }

  /**
   * An Active plan of {@code steps}, in order.
   *
   * @param targetPhase phase the owner enters on completion
   * @param failedPhase phase the owner enters on failure; null keeps the current phase
   */
  public TaskPlan assemble(
      String planId,
      Instant startedAt,
      List<TaskParams> steps,
      String targetPhase,
      String failedPhase) {
    List<PlannedTask> tasks = new ArrayList<>(steps.size());
    for (int index = 0; index < steps.size(); index++) {
      TaskParams params = steps.get(index);
      String type = params.type().wireName();
      tasks.add(
          new PlannedTask()
              .withType(type)
              .withId(TaskIds.taskId(planId, type, index))
              .withStatus(TaskStatus.Pending)
              .withParams(TaskCodec.encode(params))
              .withRetryCount(0)
              .withMaxRetries(retries.maxRetries(params.type())));
    }
    return new TaskPlan()
        .withId(planId)
        .withPhase(PlanPhase.Active)
        .withTasks(tasks)
        .withTargetPhase(targetPhase)
        .withFailedPhase(failedPhase)
        .withStartedAt(Timestamps.format(startedAt));
  }
}
