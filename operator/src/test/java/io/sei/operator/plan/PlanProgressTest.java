package io.sei.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanProgressTest {
  private static PlannedTask task(String type, TaskStatus status) {
    return new PlannedTask().withType(type).withStatus(status);
  }

  @Test
  void progressNamesTheFirstUnfinishedTaskAndItsPosition() {
    TaskPlan plan =
        new TaskPlan()
            .withTasks(
                List.of(
                    task("ensure-data-pvc", TaskStatus.Complete),
                    task("config-apply", TaskStatus.Running),
                    task("mark-ready", TaskStatus.Pending)));

    assertThat(PlanProgress.of(plan)).isEqualTo("2/3 config-apply");
  }

  @Test
  void noPlanOrAFinishedPlanHasNoProgress() {
    assertThat(PlanProgress.of(null)).isNull();
    assertThat(
            PlanProgress.of(
                new TaskPlan().withTasks(List.of(task("mark-ready", TaskStatus.Complete)))))
        .isNull();
  }
}
