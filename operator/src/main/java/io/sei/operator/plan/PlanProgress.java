package io.sei.operator.plan;

import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import java.util.List;

/**
 * The printer-column text of a plan: {@code <n>/<total> <task>}, e.g. {@code 4/11 config-apply}.
 */
public final class PlanProgress {
  private PlanProgress() {}

  /** Progress at the first unfinished task; null without a plan or when every task is done. */
  public static String of(TaskPlan plan) {
    if (plan == null || plan.getTasks() == null) {
      return null;
    }
    List<PlannedTask> tasks = plan.getTasks();
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).getStatus() != TaskStatus.Complete) {
        return (i + 1) + "/" + tasks.size() + " " + tasks.get(i).getType();
      }
    }
    return null;
  }
}
