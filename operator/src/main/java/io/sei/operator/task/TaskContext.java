package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.planner.plan.StatusConditions;

/**
 * One run of one task. {@code node} is the reconcile's in-memory copy: executions record what they
 * observe in its status (conditions, stamps), which the reconcile writes once at its end.
 *
 * @param starting true on the first run of an attempt (the task was Pending): a sidecar task is
 *     submitted then, later runs poll it
 */
public record TaskContext(
    SeiNode node,
    TaskPlan plan,
    int index,
    PlannedTask task,
    boolean starting,
    NodeServices services) {

  public String namespace() {
    return node.getMetadata().getNamespace();
  }

  public SeiNodeStatus status() {
    return node.getStatus();
  }

  /** Upserts a condition on the node's status, stamped with the node's generation. */
  public void condition(String type, String status, String reason, String message) {
    status()
        .setConditions(
            StatusConditions.upsert(
                status().getConditions(),
                StatusConditions.of(
                    type,
                    status,
                    reason,
                    message,
                    node.getMetadata().getGeneration(),
                    services.clock().instant())));
  }

  /** Server-side apply of {@code desired} as field manager {@code sei-operator}, forced. */
  public void apply(HasMetadata desired) {
    ServerSideApply.apply(services.client(), desired);
  }
}
