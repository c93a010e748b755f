package io.sei.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.api.PlanPhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.metrics.OperatorMetrics;
import io.sei.operator.planner.plan.PlanAssembler;
import io.sei.operator.planner.task.ApplyServiceParams;
import io.sei.operator.planner.task.ApplyStatefulsetParams;
import io.sei.operator.planner.task.ConfigValidateParams;
import io.sei.operator.planner.task.MarkReadyParams;
import io.sei.operator.planner.task.ReplacePodParams;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.TaskType;
import io.sei.operator.task.NodeServices;
import io.sei.operator.task.Progress;
import io.sei.operator.task.TaskExecution;
import io.sei.operator.task.TaskExecutions;
import io.sei.operator.task.TerminalTaskException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PlanExecutorTest {
  private static final Instant NOW = Instant.parse("2026-05-18T10:00:00Z");
  private static final RetryPolicy RETRIES = RetryPolicy.defaults();
  private static final Duration MIN = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofSeconds(1);

  private final Map<TaskType, TaskExecution<?>> executions = new EnumMap<>(TaskType.class);
  private final List<String> runs = new ArrayList<>();
  private final OperatorMetrics metrics = new OperatorMetrics();

  private PlanExecutor executor() {
    NodeServices services =
        new NodeServices(null, null, null, null, Clock.fixed(NOW, ZoneOffset.UTC), metrics);
    return new PlanExecutor(
        services, new TaskExecutions(executions), RETRIES, new AdaptiveRequeue(MIN, MAX));
  }

  private void given(TaskType type, Progress progress) {
    executions.put(
        type,
        (context, params) -> {
          runs.add(type.wireName() + (context.starting() ? " start" : " poll"));
          return progress;
        });
  }

  private void failing(TaskType type, RuntimeException error) {
    executions.put(
        type,
        (context, params) -> {
          runs.add(type.wireName());
          throw error;
        });
  }

  private static SeiNode node(TaskParams... steps) {
    TaskPlan plan =
        new PlanAssembler(RETRIES).assemble("plan-1", NOW, List.of(steps), "Running", null);
    SeiNode node = new SeiNode();
    node.setMetadata(new ObjectMetaBuilder().withName("n").withUid("uid-1").build());
    node.setStatus(new SeiNodeStatus().withPlan(plan));
    return node;
  }

  private static List<TaskStatus> statuses(SeiNode node) {
    return node.getStatus().getPlan().getTasks().stream().map(PlannedTask::getStatus).toList();
  }

  @Test
  void consecutiveFinishedTasksAdvanceInOneReconcileAndItStopsAtTheFirstRunningOne() {
    given(TaskType.APPLY_SERVICE, Progress.done());
    given(TaskType.CONFIG_VALIDATE, Progress.waiting("sidecar busy"));
    given(TaskType.MARK_READY, Progress.done());
    SeiNode node =
        node(new ApplyServiceParams(), new ConfigValidateParams(), new MarkReadyParams());

    assertThat(executor().advance(node)).contains(MIN);

    assertThat(statuses(node))
        .containsExactly(TaskStatus.Complete, TaskStatus.Running, TaskStatus.Pending);
    assertThat(runs).containsExactly("apply-service start", "config-validate start");
    assertThat(node.getStatus().getPlan().getTasks().get(1).getSubmittedAt())
        .isEqualTo("2026-05-18T10:00:00Z");
  }

  @Test
  void anUnreachableApiServerBehindAWrappedErrorAbortsTheReconcileWithoutSpendingTheBudget() {
    RuntimeException wrapped =
        new IllegalStateException(
            "cannot resolve the sidecar's pod",
            new KubernetesClientException("Operation: [list] for kind: [Pod] failed", 0, null));
    failing(TaskType.CONFIG_VALIDATE, wrapped);
    SeiNode node = node(new ConfigValidateParams());

    assertThatThrownBy(() -> executor().advance(node)).isSameAs(wrapped);

    assertThat(node.getStatus().getPlan().getPhase()).isEqualTo(PlanPhase.Active);
    assertThat(node.getStatus().getPlan().getTasks().get(0).getRetryCount()).isZero();
    assertThat(node.getStatus().getPlan().getTasks().get(0).getError()).isNull();
  }

  @Test
  void aWrappedClientErrorWithAnAnswerIsAnOrdinaryTaskFailure() {
    assertThat(
            PlanExecutor.apiUnavailableCause(
                new IllegalStateException(new KubernetesClientException("forbidden", 403, null))))
        .isFalse();
    assertThat(
            PlanExecutor.apiUnavailableCause(
                new IllegalStateException(new KubernetesClientException("overloaded", 503, null))))
        .isTrue();
  }

  @Test
  void aRunningTaskIsPolledWithARequeueDoublingUpToThePollInterval() {
    given(TaskType.CONFIG_VALIDATE, Progress.waiting("sidecar busy"));
    SeiNode node = node(new ConfigValidateParams());
    PlanExecutor executor = executor();

    List<Optional<Duration>> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      waits.add(executor.advance(node));
    }

    assertThat(waits)
        .extracting(Optional::orElseThrow)
        .containsExactly(
            MIN, Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), MAX, MAX);
    assertThat(runs.get(0)).isEqualTo("config-validate start");
    assertThat(runs.subList(1, runs.size())).containsOnly("config-validate poll");
  }

  @Test
  void aTaskWaitingLongIsReportedAtInfoWithItsReasonOncePerInterval() {
    given(TaskType.CONFIG_VALIDATE, Progress.waiting("proxy answers 401"));
    SeiNode node = node(new ConfigValidateParams());
    PlannedTask task = node.getStatus().getPlan().getTasks().get(0);
    task.setStatus(TaskStatus.Running);
    task.setSubmittedAt(NOW.minus(PlanExecutor.LONG_WAIT).minusSeconds(5).toString());
    Logger logger = (Logger) LoggerFactory.getLogger(PlanExecutor.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      PlanExecutor executor = executor();
      executor.advance(node);
      executor.advance(node);
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list)
        .filteredOn(e -> e.getLevel() == Level.INFO)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("config-validate waits (15 s so far): proxy answers 401");
  }

  @Test
  void aPlanWhoseTasksAllFinishIsComplete() {
    given(TaskType.APPLY_SERVICE, Progress.done());
    given(TaskType.MARK_READY, Progress.done());
    SeiNode node = node(new ApplyServiceParams(), new MarkReadyParams());

    assertThat(executor().advance(node)).isEmpty();

    assertThat(node.getStatus().getPlan().getPhase()).isEqualTo(PlanPhase.Complete);
  }

  @Test
  void completedTasksAreNeverRunAgain() {
    executions.put(
        TaskType.APPLY_SERVICE,
        (context, params) -> {
          throw new AssertionError("a Complete task ran again");
        });
    given(TaskType.MARK_READY, Progress.done());
    SeiNode node = node(new ApplyServiceParams(), new MarkReadyParams());
    node.getStatus().getPlan().getTasks().get(0).setStatus(TaskStatus.Complete);

    executor().advance(node);

    assertThat(runs).containsExactly("mark-ready start");
    assertThat(node.getStatus().getPlan().getPhase()).isEqualTo(PlanPhase.Complete);
  }

  @Test
  void aPlainErrorWithinTheBudgetIsRetriedAfterTheBackoff() {
    failing(TaskType.REPLACE_POD, new IllegalStateException("pod stuck"));
    SeiNode node = node(new ReplacePodParams());
    PlanExecutor executor = executor();

    assertThat(executor.advance(node)).contains(Duration.ofSeconds(10));
    PlannedTask task = node.getStatus().getPlan().getTasks().get(0);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.Pending);
    assertThat(task.getRetryCount()).isEqualTo(1);
    assertThat(task.getError()).isEqualTo("pod stuck");
    assertThat(task.getNextAttemptAt()).isEqualTo("2026-05-18T10:00:10Z");
    assertThat(node.getStatus().getPlan().getPhase()).isEqualTo(PlanPhase.Active);

    assertThat(executor.advance(node)).as("before nextAttemptAt").contains(Duration.ofSeconds(10));
    assertThat(runs).as("not run before nextAttemptAt").hasSize(1);
  }

  @Test
  void aPlainErrorPastTheBudgetFailsThePlan() {
    failing(TaskType.REPLACE_POD, new IllegalStateException("pod stuck"));
    SeiNode node = node(new ApplyServiceParams(), new ReplacePodParams());
    given(TaskType.APPLY_SERVICE, Progress.done());
    PlannedTask task = node.getStatus().getPlan().getTasks().get(1);
    task.setRetryCount(3);

    assertThat(executor().advance(node)).isEmpty();

    TaskPlan plan = node.getStatus().getPlan();
    assertThat(plan.getPhase()).isEqualTo(PlanPhase.Failed);
    assertThat(plan.getFailedTaskIndex()).isEqualTo(1);
    assertThat(plan.getFailedTaskDetail()).isEqualTo("pod stuck (after 3 retries)");
    assertThat(task.getStatus()).isEqualTo(TaskStatus.Failed);
    assertThat(metrics.scrape()).contains("sei_task_failures_total{type=\"replace-pod\"} 1.0");
  }

  @Test
  void aPlainErrorOfATaskWithoutRetriesFailsThePlanAtOnce() {
    failing(TaskType.CONFIG_VALIDATE, new IllegalStateException("genesis missing"));
    SeiNode node = node(new ConfigValidateParams());

    executor().advance(node);

    assertThat(node.getStatus().getPlan().getPhase()).isEqualTo(PlanPhase.Failed);
    assertThat(node.getStatus().getPlan().getFailedTaskDetail()).isEqualTo("genesis missing");
  }

  @Test
  void aTerminalErrorFailsThePlanWhateverTheBudget() {
    failing(TaskType.REPLACE_POD, new TerminalTaskException("key malformed"));
    SeiNode node = node(new ReplacePodParams());
    Integer retriesBefore = node.getStatus().getPlan().getTasks().get(0).getRetryCount();

    executor().advance(node);

    assertThat(node.getStatus().getPlan().getPhase()).isEqualTo(PlanPhase.Failed);
    assertThat(node.getStatus().getPlan().getFailedTaskIndex()).isZero();
    assertThat(node.getStatus().getPlan().getTasks().get(0).getRetryCount())
        .as("no retry spent")
        .isEqualTo(retriesBefore);
  }

  @Test
  void aTaskWhoseParamsDoNotDecodeFailsThePlanWithoutRunning() {
    given(TaskType.APPLY_STATEFULSET, Progress.done());
    SeiNode node = node(new ApplyStatefulsetParams("sei:v1"));
    node.getStatus().getPlan().getTasks().get(0).setParams(JsonNodeFactory.instance.objectNode());

    executor().advance(node);

    assertThat(runs).isEmpty();
    assertThat(node.getStatus().getPlan().getPhase()).isEqualTo(PlanPhase.Failed);
    assertThat(node.getStatus().getPlan().getFailedTaskDetail())
        .startsWith("malformed params for task apply-statefulset");
  }
}
