package io.sei.operator.task;

import io.sei.operator.planner.plan.SidecarTarget;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.render.PodRole;
import io.sei.operator.sidecar.SidecarEndpoint;
import io.sei.operator.sidecar.SidecarRejectedException;
import io.sei.operator.sidecar.SidecarTask;
import io.sei.operator.sidecar.SidecarUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * A sidecar-side task: submitted under its deterministic id to the sidecar of the pod the plan
 * targets ({@link SidecarTarget}), then polled until the sidecar reports it completed.
 *
 * <ul>
 *   <li>Submission happens when an attempt starts, and again only when the sidecar does not know
 *       the id (a restarted sidecar). A task the sidecar reports completed is never resubmitted,
 *       also not by an operator that restarted mid-plan (it resumes from {@code status.plan}).
 *   <li>An unreachable sidecar (pod not up yet, 5xx) is waited for, not a failure.
 *   <li>A task the sidecar reports failed is a transient failure (retried within the budget: the
 *       sidecar runs a failed id again, with the params of the resubmission) — except a failure
 *       {@code parsing params:}, which can never succeed and is terminal; a request the sidecar
 *       rejects (4xx) is terminal.
 *   <li>A task whose params are not known yet ({@link NotYet} from {@link #paramsJson}) waits.
 * </ul>
 */
abstract class SidecarExecution<P extends TaskParams> implements TaskExecution<P> {

  /** The prefix of the sidecar's error for params it could not decode. */
  static final String PARSING_PARAMS = "parsing params:";

  /** Thrown by {@link #paramsJson} when the params cannot be built yet; the task waits. */
  static final class NotYet extends RuntimeException {
    NotYet(String why) {
      super(why, null, false, false);
    }
  }

  @Override
  public final Progress run(TaskContext context, P params) {
    PodRole role = PodRole.of(SidecarTarget.of(context.plan(), context.index()));
    String id = context.task().getId();
    String type = context.task().getType();
    try {
      SidecarEndpoint endpoint = context.services().endpoints().resolve(context.node(), role);
      var sidecars = context.services().sidecars();
      if (context.starting()) {
        submit(context, endpoint, params);
      }
      Optional<SidecarTask> task = sidecars.get(endpoint, id);
      if (task.isEmpty()) {
        submit(context, endpoint, params);
        return Progress.waiting("resubmitted " + type + " to a sidecar that did not know it");
      }
      switch (task.get().state()) {
        case COMPLETED:
          completed(context, params);
          return Progress.done();
        case FAILED:
          String error = task.get().error().orElse("no reason given");
          if (error.startsWith(PARSING_PARAMS)) {
            throw new TerminalTaskException(
                "sidecar task " + type + " failed: " + error + " (the params can never be read)");
          }
          throw new IllegalStateException("sidecar task " + type + " failed: " + error);
        default:
          return Progress.waiting("the " + role.label() + " sidecar runs " + type);
      }
    } catch (SidecarUnavailableException e) {
      // A bootstrap pod that died (its seid crashed, the Job failed) never answers again.
      if (role == PodRole.BOOTSTRAP) {
        if (doneBeforeThePodEnded(context)) {
          completed(context, params);
          return Progress.done();
        }
        Optional<String> failure = BootstrapJobs.failure(context, BootstrapJobs.job(context));
        if (failure.isPresent()) {
          throw new TerminalTaskException(failure.get());
        }
      }
      return Progress.waiting(e.getMessage());
    } catch (SidecarRejectedException e) {
      throw new TerminalTaskException(e.getMessage());
    } catch (NotYet e) {
      return Progress.waiting(e.getMessage());
    }
  }

  private void submit(TaskContext context, SidecarEndpoint endpoint, P params) {
    String json = paramsJson(context, params);
    context
        .services()
        .sidecars()
        .submit(endpoint, context.task().getId(), context.task().getType(), json);
    context.services().metrics().sidecarSubmitted(context.task().getType());
  }

  /**
   * The params sent to the sidecar ({@link TaskCodec#sidecarParams}); a task that resolves
   * something first overrides it and throws {@link NotYet} while it cannot.
   */
  String paramsJson(TaskContext context, P params) {
    return TaskCodec.sidecarParams(params, List.of()).toString();
  }

  /**
   * Whether the task's completion is proven by what the ended bootstrap pod did, though its sidecar
   * no longer answers; false by default.
   */
  boolean doneBeforeThePodEnded(TaskContext context) {
    return false;
  }

  /** Records what a completed task means for the node's status; nothing by default. */
  void completed(TaskContext context, P params) {}
}
