package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.sei.operator.planner.task.AwaitBootstrapCompleteParams;
import io.sei.operator.render.Names;
import io.sei.operator.render.NodePod;
import java.util.List;
import java.util.Optional;

/**
 * {@code await-bootstrap-complete}: the bootstrap Job succeeded (seid halted at the height). A
 * failed Job fails the plan with seid's exit code and termination message (e.g. exit 130, the halt
 * height is behind the data).
 */
final class AwaitBootstrapComplete implements TaskExecution<AwaitBootstrapCompleteParams> {
  @Override
  public Progress run(TaskContext context, AwaitBootstrapCompleteParams params) {
    String name = Names.bootstrapJob(context.node());
    Job job =
        context
            .services()
            .client()
            .batch()
            .v1()
            .jobs()
            .inNamespace(context.namespace())
            .withName(name)
            .get();
    if (job == null) {
      throw new IllegalStateException("bootstrap Job " + name + " does not exist");
    }
    List<JobCondition> conditions =
        job.getStatus() == null || job.getStatus().getConditions() == null
            ? List.of()
            : job.getStatus().getConditions();
    if (has(conditions, "Complete")) {
      return Progress.done();
    }
    if (has(conditions, "Failed")) {
      throw new TerminalTaskException(
          "bootstrap Job "
              + name
              + " failed"
              + seidTermination(context, name).map(t -> ": " + t).orElse(""));
    }
    return Progress.waiting("bootstrap Job " + name + " to halt at its height");
  }

  private static boolean has(List<JobCondition> conditions, String type) {
    return conditions.stream()
        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Optional<String> seidTermination(TaskContext context, String jobName) {
    return context
        .services()
        .client()
        .pods()
        .inNamespace(context.namespace())
        .withLabel("job-name", jobName)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
        .flatMap(p -> p.getStatus().getContainerStatuses().stream())
        .filter(s -> NodePod.SEID_CONTAINER.equals(s.getName()))
        .map(s -> s.getState() == null ? null : s.getState().getTerminated())
        .filter(t -> t != null)
        .findFirst()
        .map(AwaitBootstrapComplete::describe);
  }

  private static String describe(ContainerStateTerminated terminated) {
    String message = terminated.getMessage() == null ? "" : terminated.getMessage().strip();
    return "seid exited "
        + terminated.getExitCode()
        + (message.isEmpty() ? "" : " (" + reason(message) + ")");
  }

  /**
   * The line of a termination message (seid's last log lines) that says why: a Go panic or an error
   * line (e.g. the halt height behind the data), else the last line.
   */
  static String reason(String message) {
    List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.stream()
        .filter(l -> l.startsWith("panic:") || l.startsWith("ERROR"))
        .findFirst()
        .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
  }
}
