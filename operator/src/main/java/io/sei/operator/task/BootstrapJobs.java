package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sei.operator.render.Names;
import io.sei.operator.render.NodePod;
import java.util.List;
import java.util.Optional;

/** The bootstrap Job of a node: whether it finished, and why it failed in seid's own words. */
final class BootstrapJobs {
  private BootstrapJobs() {}

  static Job job(TaskContext context) {
    return context
        .services()
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(context.namespace())
        .withName(Names.bootstrapJob(context.node()))
        .get();
  }

  static boolean has(Job job, String type) {
    return job.getStatus() != null
        && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Why the Job failed (seid's exit code and its panic or error line), if it did. */
  static Optional<String> failure(TaskContext context, Job job) {
    if (job == null || !has(job, "Failed")) {
      return Optional.empty();
    }
    String name = job.getMetadata().getName();
    return Optional.of(
        "bootstrap Job "
            + name
            + " failed"
            + seidTermination(context, name).map(t -> ": " + describe(t)).orElse(""));
  }

  /** How the bootstrap pod's seid ended, once it did. */
  static Optional<ContainerStateTerminated> seidTermination(TaskContext context, String jobName) {
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
        .findFirst();
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
