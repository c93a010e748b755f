package io.sei.operator.task;

import io.sei.operator.planner.task.TaskParams;

/**
 * How the operator carries out one task type. A run is idempotent: the executor calls it again on
 * every reconcile until it is {@link Progress.Done}, and again from the start after an operator
 * restart. A plain exception is a transient failure (retried within the task's budget), a {@link
 * TerminalTaskException} fails the plan.
 *
 * @param <P> the params record of the task type
 */
@FunctionalInterface
public interface TaskExecution<P extends TaskParams> {
  Progress run(TaskContext context, P params);
}
