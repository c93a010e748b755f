package io.sei.operator.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.api.PlanPhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.planner.plan.Timestamps;
import io.sei.operator.planner.task.InvalidTaskException;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.TaskType;
import io.sei.operator.task.NodeServices;
import io.sei.operator.task.Progress;
import io.sei.operator.task.TaskContext;
import io.sei.operator.task.TaskExecutions;
import io.sei.operator.task.TerminalTaskException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Interprets the Active plan in {@code status.plan}, in memory (the reconcile writes the status
 * once afterwards).
 *
 * <p>It runs consecutive tasks in one call and stops at the first that is still running. A task
 * that throws a plain exception failed transiently: while {@code retryCount < maxRetries} it is set
 * back to Pending with {@code error}, {@code retryCount} and {@code nextAttemptAt} (backoff from
 * the {@link RetryPolicy}); past its budget — or at once for {@link InvalidTaskException} and
 * {@link TerminalTaskException} — the plan fails with {@code failedTaskIndex}/{@code
 * failedTaskDetail}. An unreachable API server (no answer, 5xx, 429) fails the reconcile instead:
 * nothing is written and JOSDK retries it. All state lives in the plan, so a restarted operator
 * resumes where the status says; Complete tasks are never run again.
 */
public final class PlanExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);
  static final Duration LONG_WAIT = Duration.ofSeconds(10);
  static final Duration LONG_WAIT_REPEAT = Duration.ofSeconds(30);

  private final NodeServices services;
  private final TaskExecutions executions;
  private final RetryPolicy retries;
  private final AdaptiveRequeue requeue;

  /** When each long-waiting task was last reported at INFO, by task id. */
  private final Map<String, Instant> longWaits = new ConcurrentHashMap<>();

  public PlanExecutor(
      NodeServices services,
      TaskExecutions executions,
      RetryPolicy retries,
      AdaptiveRequeue requeue) {
    this.services = services;
    this.executions = executions;
    this.retries = retries;
    this.requeue = requeue;
  }

  /** Runs one task of a plan with the owner's execution of its type. */
  @FunctionalInterface
  public interface TaskRunner {
    Progress run(int index, PlannedTask task, boolean starting, TaskParams params);
  }

  /**
   * Advances {@code node}'s Active plan as far as it goes now.
   *
   * @return when to look again while the plan stays Active; empty when it became Complete or Failed
   */
  public Optional<Duration> advance(SeiNode node) {
    TaskPlan plan = node.getStatus().getPlan();
    return advance(
        node,
        plan,
        (index, task, starting, params) ->
            executions.run(new TaskContext(node, plan, index, task, starting, services), params));
  }

  /**
   * Advances {@code owner}'s Active {@code plan} as far as it goes now, each task run by {@code
   * runner}.
   *
   * @return when to look again while the plan stays Active; empty when it became Complete or Failed
   */
  public Optional<Duration> advance(HasMetadata owner, TaskPlan plan, TaskRunner runner) {
    String key = owner.getMetadata().getUid();
    List<PlannedTask> tasks = plan.getTasks();
    for (int index = 0; index < tasks.size(); index++) {
      PlannedTask task = tasks.get(index);
      if (task.getStatus() == TaskStatus.Complete) {
        continue;
      }
      Instant now = services.clock().instant();
      Optional<Instant> notBefore = Timestamps.parse(task.getNextAttemptAt());
      if (task.getStatus() != TaskStatus.Running
          && notBefore.isPresent()
          && now.isBefore(notBefore.get())) {
        return Optional.of(Duration.between(now, notBefore.get()));
      }
      Optional<Duration> wait;
      // Every log line of a task carries its plan and task (JOSDK adds the resource's name).
      try (MDC.MDCCloseable planId = MDC.putCloseable("plan", plan.getId());
          MDC.MDCCloseable taskId = MDC.putCloseable("task", task.getId());
          MDC.MDCCloseable taskType = MDC.putCloseable("taskType", task.getType())) {
        wait = step(owner, plan, index, task, now, runner);
      }
      if (wait.isPresent() || plan.getPhase() != PlanPhase.Active) {
        if (plan.getPhase() != PlanPhase.Active) {
          requeue.forget(key);
        }
        return wait;
      }
    }
    plan.setPhase(PlanPhase.Complete);
    requeue.forget(key);
    return Optional.empty();
  }

  /** Runs one task; empty when it completed (or failed the plan), else the wait. */
  private Optional<Duration> step(
      HasMetadata owner,
      TaskPlan plan,
      int index,
      PlannedTask task,
      Instant now,
      TaskRunner runner) {
    TaskParams params;
    try {
      params = TaskCodec.decode(task);
    } catch (InvalidTaskException e) {
      failPlan(plan, index, task, e.getMessage());
      return Optional.empty();
    }
    boolean starting = task.getStatus() != TaskStatus.Running;
    if (starting) {
      task.setStatus(TaskStatus.Running);
      task.setNextAttemptAt(null);
      if (task.getSubmittedAt() == null) {
        task.setSubmittedAt(Timestamps.format(now));
      }
    }
    Progress progress;
    try {
      progress = runner.run(index, task, starting, params);
    } catch (TerminalTaskException e) {
      services.metrics().taskFailed(task.getType());
      failPlan(plan, index, task, e.getMessage());
      return Optional.empty();
    } catch (KubernetesClientException e) {
      if (apiUnavailable(e)) {
        throw e;
      }
      services.metrics().taskFailed(task.getType());
      return retryOrFail(plan, index, task, params.type(), describe(e), now);
    } catch (RuntimeException e) {
      // A call to an unreachable API server (or a client closing on shutdown) may come wrapped,
      // e.g. from resolving a sidecar's pod: abort the reconcile, never spend the task's budget.
      if (apiUnavailableCause(e)) {
        throw e;
      }
      services.metrics().taskFailed(task.getType());
      return retryOrFail(plan, index, task, params.type(), describe(e), now);
    }
    if (progress instanceof Progress.Waiting waiting) {
      reportWait(owner, plan, task, waiting.why(), now);
      return Optional.of(requeue.next(owner.getMetadata().getUid(), task.getId()));
    }
    longWaits.remove(task.getId());
    task.setStatus(TaskStatus.Complete);
    task.setCompletedAt(Timestamps.format(now));
    task.setError(null);
    return Optional.empty();
  }

  /**
   * Every wait is logged at DEBUG; a task waiting for longer than {@link #LONG_WAIT} since it was
   * submitted is logged at INFO, once per {@link #LONG_WAIT_REPEAT}, so a stuck plan says why in
   * the default log.
   */
  private void reportWait(
      HasMetadata owner, TaskPlan plan, PlannedTask task, String why, Instant now) {
    Duration waited =
        Timestamps.parse(task.getSubmittedAt())
            .map(submitted -> Duration.between(submitted, now))
            .orElse(Duration.ZERO);
    Instant last = longWaits.get(task.getId());
    boolean report =
        waited.compareTo(LONG_WAIT) >= 0
            && (last == null || Duration.between(last, now).compareTo(LONG_WAIT_REPEAT) >= 0);
    if (report) {
      longWaits.put(task.getId(), now);
    }
    String format = "{} {}/{} plan {} task {} waits ({} s so far): {}";
    Object[] args = {
      owner.getKind(),
      owner.getMetadata().getNamespace(),
      owner.getMetadata().getName(),
      plan.getId(),
      task.getType(),
      waited.toSeconds(),
      why
    };
    if (report) {
      LOG.info(format, args);
    } else {
      LOG.debug(format, args);
    }
  }

  private Optional<Duration> retryOrFail(
      TaskPlan plan, int index, PlannedTask task, TaskType type, String error, Instant now) {
    int used = task.getRetryCount() == null ? 0 : task.getRetryCount();
    int budget = task.getMaxRetries() == null ? retries.maxRetries(type) : task.getMaxRetries();
    if (used >= budget) {
      failPlan(plan, index, task, budget == 0 ? error : error + " (after " + used + " retries)");
      return Optional.empty();
    }
    int retry = used + 1;
    task.setStatus(TaskStatus.Pending);
    task.setRetryCount(retry);
    task.setError(error);
    task.setNextAttemptAt(Timestamps.format(retries.nextAttemptAt(now, retry)));
    LOG.info(
        "plan {} task {} failed, retry {} of {}: {}", plan.getId(), type, retry, budget, error);
    return Optional.of(retries.backoff(retry));
  }

  private void failPlan(TaskPlan plan, int index, PlannedTask task, String detail) {
    longWaits.remove(task.getId());
    task.setStatus(TaskStatus.Failed);
    task.setError(detail);
    plan.setPhase(PlanPhase.Failed);
    plan.setFailedTaskIndex(index);
    plan.setFailedTaskDetail(detail);
    LOG.warn("plan {} failed at task {} (#{}): {}", plan.getId(), task.getType(), index, detail);
  }

  /**
   * The API server could not be reached or asked us to come back (no answer, 5xx, 429): not the
   * task's fault, so it costs no retry. The reconcile fails without writing and JOSDK retries it.
   */
  private static boolean apiUnavailable(KubernetesClientException e) {
    return e.getCode() == 0 || e.getCode() == 429 || e.getCode() >= 500;
  }

  static boolean apiUnavailableCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && apiUnavailable(k)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
