package io.sei.operator.planner.plan;

import static io.sei.operator.planner.Fixtures.NOW;
import static io.sei.operator.planner.Fixtures.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.TaskPlan;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanHelpersTest {

  private static TaskPlan plan(String types) {
    return new TaskPlan()
        .withTasks(
            Arrays.stream(types.split(" "))
                .filter(t -> !t.isEmpty())
                .map(t -> new PlannedTask().withType(t))
                .collect(Collectors.toList()));
  }

  @ParameterizedTest
  @CsvSource({
    "ensure-data-pvc apply-statefulset mark-ready, init",
    "ensure-data-pvc deploy-bootstrap-job mark-ready, bootstrap",
    "apply-statefulset replace-pod observe-image mark-ready, node-update:image",
    "validate-signing-key replace-pod observe-signing-key mark-ready, node-update:signing-key",
    "replace-pod observe-image observe-signing-key mark-ready, node-update:image+signing-key",
    "mark-ready, mark-ready-reapply",
    "update-node-specs await-nodes-updated, deployment:InPlace",
    "create-entrant-nodes await-nodes-running await-nodes-caught-up switch-traffic, deployment:BlueGreen",
    "create-entrant-nodes await-nodes-running switch-traffic teardown-nodes, deployment:HardFork",
    "config-validate, unknown",
    "'', unknown"
  })
  void classifyPlanNamesThePlanForMetrics(String types, String planClass) {
    assertThat(PlanClassifier.classify(plan(types))).isEqualTo(planClass);
  }

  @Test
  void planWithoutTasksIsUnknown() {
    assertThat(PlanClassifier.classify(new TaskPlan())).isEqualTo(PlanClassifier.UNKNOWN);
  }

  @ParameterizedTest
  @CsvSource({"0, PRODUCTION", "2, PRODUCTION", "3, BOOTSTRAP", "4, BOOTSTRAP", "6, PRODUCTION"})
  void sidecarTasksBetweenBootstrapJobAndTeardownGoToTheBootstrapPod(
      int index, SidecarTarget target) {
    TaskPlan plan =
        plan(
            "ensure-data-pvc deploy-bootstrap-service deploy-bootstrap-job config-apply"
                + " teardown-bootstrap apply-statefulset config-apply");
    assertThat(SidecarTarget.of(plan, index)).isEqualTo(target);
  }

  @Test
  void upsertKeepsTheTransitionTimeWhenTheStatusHoldsAndUpdatesTheRest() {
    List<Condition> current = List.of(condition("A", "True", "Old", "2024-01-01T00:00:00Z"));
    List<Condition> result =
        StatusConditions.upsert(current, condition("A", "True", "New", Timestamps.format(NOW)));
    assertThat(result)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getReason()).isEqualTo("New");
              assertThat(c.getLastTransitionTime()).isEqualTo("2024-01-01T00:00:00Z");
            });
  }

  @Test
  void upsertTakesTheNewTransitionTimeWhenTheStatusChanges() {
    List<Condition> current =
        List.of(
            condition("B", "True", "Other", "2024-01-01T00:00:00Z"),
            condition("A", "True", "Old", "2024-01-01T00:00:00Z"));
    List<Condition> result =
        StatusConditions.upsert(current, condition("A", "False", "New", "2025-01-01T12:00:00Z"));
    assertThat(result)
        .extracting(Condition::getLastTransitionTime)
        .containsExactly("2024-01-01T00:00:00Z", "2025-01-01T12:00:00Z");
  }

  @Test
  void upsertAppendsAMissingCondition() {
    assertThat(StatusConditions.upsert(null, condition("A", "True", "R", "t")))
        .extracting(Condition::getType)
        .containsExactly("A");
  }

  @Test
  void findReturnsNothingFromNoConditions() {
    assertThat(StatusConditions.find(null, "A")).isEmpty();
  }

  @Test
  void timestampsAreWholeSecondsUtc() {
    assertThat(Timestamps.format(NOW.plusMillis(750))).isEqualTo("2025-01-01T12:00:00Z");
    assertThat(Timestamps.parse(null)).isEmpty();
  }
}
