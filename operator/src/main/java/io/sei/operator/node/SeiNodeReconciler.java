package io.sei.operator.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PlanPhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.metrics.OperatorMetrics;
import io.sei.operator.plan.PlanExecutor;
import io.sei.operator.plan.PlanProgress;
import io.sei.operator.planner.plan.NodePlanDecision;
import io.sei.operator.planner.plan.NodePlanner;
import io.sei.operator.planner.plan.PlanOutcome;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.planner.plan.Timestamps;
import io.sei.operator.render.PodRole;
import io.sei.operator.sidecar.SidecarException;
import io.sei.operator.status.Events;
import io.sei.operator.status.StatusWrite;
import io.sei.operator.task.NodeServices;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a SeiNode: observe (the cached node) → decide ({@link NodePlanner}) → execute ({@link
 * PlanExecutor}) → record. Everything is applied to an in-memory copy; the reconcile ends with at
 * most one status write, a PUT of the status subresource carrying the observed {@code
 * resourceVersion} (a 409 requeues and loses nothing: every task is idempotent), and no write at
 * all when the status did not change. The spec is never modified. Deleting a node that holds a
 * signing key completes once its pods are gone ({@link SigningNodeDeletion}).
 */
@ControllerConfiguration(name = SeiNodeReconciler.NAME)
public final class SeiNodeReconciler implements Reconciler<SeiNode>, Cleaner<SeiNode> {
  static final String NAME = "seinode";
  private static final Logger LOG = LoggerFactory.getLogger(SeiNodeReconciler.class);

  private final NodePlanner planner;
  private final PlanExecutor executor;
  private final NodeServices services;
  private final Events events;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final Duration minRequeue;
  private final Duration pollInterval;

  /**
   * @param minRequeue requeue after a write or a finished plan, and the conflict retry
   * @param pollInterval requeue of a node without a plan (periodic drift check)
   */
  public SeiNodeReconciler(
      NodePlanner planner,
      PlanExecutor executor,
      NodeServices services,
      Duration minRequeue,
      Duration pollInterval) {
    this.planner = planner;
    this.executor = executor;
    this.services = services;
    this.events = new Events(services.client(), services.clock());
    this.metrics = services.metrics();
    this.clock = services.clock();
    this.minRequeue = minRequeue;
    this.pollInterval = pollInterval;
  }

  @Override
  public UpdateControl<SeiNode> reconcile(SeiNode node, Context<SeiNode> context) {
    long started = System.nanoTime();
    try {
      return reconcileNode(node, context);
    } finally {
      metrics.reconciled(NAME, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  @Override
  public DeleteControl cleanup(SeiNode node, Context<SeiNode> context) {
    Optional<String> blocked = SigningNodeDeletion.blockedBy(services, node);
    if (blocked.isEmpty()) {
      return DeleteControl.defaultDelete();
    }
    LOG.info(
        "SeiNode {}/{} holds a signing key: its deletion waits for {}",
        node.getMetadata().getNamespace(),
        node.getMetadata().getName(),
        blocked.get());
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(pollInterval);
  }

  private UpdateControl<SeiNode> reconcileNode(SeiNode node, Context<SeiNode> context) {
    JsonNode before = StatusWrite.snapshot(node.getStatus());
    if (node.getStatus() == null) {
      node.setStatus(new SeiNodeStatus());
    }
    List<Events.Pending> pending = new ArrayList<>();
    Duration requeue = step(node, pending);
    SeiNodeStatus status = node.getStatus();
    status.setObservedGeneration(node.getMetadata().getGeneration());
    status.setPlanProgress(PlanProgress.of(status.getPlan()));
    String key = node.getMetadata().getNamespace() + "/" + node.getMetadata().getName();
    metrics.node(key, status.getPhase(), status.getPlan() != null);

    switch (StatusWrite.writeIfChanged(node, before, status, context)) {
      case CONFLICT:
        LOG.debug("SeiNode {} changed while reconciling; requeued", key);
        return UpdateControl.<SeiNode>noUpdate().rescheduleAfter(minRequeue);
      case WRITTEN:
        pending.forEach(event -> events.emit(node, event));
        break;
      default:
        break;
    }
    return UpdateControl.<SeiNode>noUpdate().rescheduleAfter(requeue);
  }

  /** Decides and executes in memory; returns when to reconcile again. */
  private Duration step(SeiNode node, List<Events.Pending> pending) {
    NodePlanDecision decision = planner.decide(node);
    if (decision instanceof NodePlanDecision.NoChange
        && node.getStatus().getPlan() == null
        && sidecarLostReadiness(node)) {
      decision = planner.decide(node);
    }
    if (decision instanceof NodePlanDecision.NoChange noChange
        && node.getStatus().getPlan() == null) {
      return noChange.requeueAfter().orElse(pollInterval);
    } else if (decision instanceof NodePlanDecision.StartPlan start) {
      start(node, start, pending);
    } else if (decision instanceof NodePlanDecision.FinishPlan finish) {
      finish(node, finish, pending);
      return minRequeue;
    } else if (decision instanceof NodePlanDecision.Invalid invalid) {
      invalid(node, invalid, pending);
      return pollInterval;
    }
    Optional<Duration> wait = executor.advance(node);
    if (wait.isPresent()) {
      return wait.get();
    }
    if (planner.decide(node) instanceof NodePlanDecision.FinishPlan finish) {
      finish(node, finish, pending);
    }
    return minRequeue;
  }

  /** A failed mark-ready re-apply keeps its condition until the planner's cooldown ran out. */
  private static boolean markReadyCoolingDown(SeiNode node) {
    return StatusConditions.find(node.getStatus().getConditions(), Conditions.SIDECAR_READY)
        .filter(c -> Conditions.REASON_MARK_READY_FAILED.equals(c.getReason()))
        .isPresent();
  }

  /**
   * Observes the production sidecar of a Running node without a plan: a sidecar that answers "not
   * ready" (e.g. it restarted with its pod: readiness lives in its memory, and seid waits for it)
   * gets {@code SidecarReady=False/NotReady}, which the planner answers with a mark-ready plan. An
   * unreachable sidecar changes nothing.
   *
   * @return true when the condition turned False
   */
  private boolean sidecarLostReadiness(SeiNode node) {
    if (node.getStatus().getPhase() != NodePhase.Running || markReadyCoolingDown(node)) {
      return false;
    }
    boolean ready;
    try {
      ready = services.sidecars().health(services.endpoints().resolve(node, PodRole.PRODUCTION));
    } catch (SidecarException e) {
      return false;
    }
    if (ready) {
      return false;
    }
    condition(
        node.getStatus(),
        StatusConditions.of(
            Conditions.SIDECAR_READY,
            Conditions.FALSE,
            Conditions.REASON_SIDECAR_NOT_READY,
            "the sidecar answers not ready",
            node.getMetadata().getGeneration(),
            clock.instant()));
    return true;
  }

  private void start(SeiNode node, NodePlanDecision.StartPlan start, List<Events.Pending> pending) {
    SeiNodeStatus status = node.getStatus();
    status.setPlan(start.plan());
    phase(status, start.phase());
    start.conditions().forEach(c -> condition(status, c));
    pending.add(
        new Events.Pending(
            Events.NORMAL,
            "PlanStarted",
            start.planClass()
                + " plan "
                + start.plan().getId()
                + " started with "
                + start.plan().getTasks().size()
                + " tasks"));
  }

  private void finish(
      SeiNode node, NodePlanDecision.FinishPlan finish, List<Events.Pending> pending) {
    SeiNodeStatus status = node.getStatus();
    status.setPlan(null);
    finish.phase().ifPresent(p -> phase(status, p));
    finish.conditions().forEach(c -> condition(status, c));
    finish.currentImage().ifPresent(status::setCurrentImage);
    finish.signingKeyMountedSecret().ifPresent(status::setSigningKeyMountedSecret);
    metrics.planFinished(finish.planClass(), finish.outcome().label(), finish.duration());
    boolean complete = finish.outcome() == PlanOutcome.COMPLETE;
    pending.add(
        complete
            ? new Events.Pending(
                Events.NORMAL,
                "PlanComplete",
                finish.planClass() + " plan " + finish.plan().getId() + " complete")
            : new Events.Pending(
                Events.WARNING,
                "PlanFailed",
                finish.planClass()
                    + " plan "
                    + finish.plan().getId()
                    + " failed at task #"
                    + finish.plan().getFailedTaskIndex()
                    + ": "
                    + finish.plan().getFailedTaskDetail()));
    LOG.info(
        "SeiNode {}/{} {} plan {} {}",
        node.getMetadata().getNamespace(),
        node.getMetadata().getName(),
        finish.planClass(),
        finish.plan().getId(),
        complete ? PlanPhase.Complete : PlanPhase.Failed);
  }

  private void invalid(
      SeiNode node, NodePlanDecision.Invalid invalid, List<Events.Pending> pending) {
    SeiNodeStatus status = node.getStatus();
    boolean known =
        StatusConditions.find(status.getConditions(), Conditions.SPEC_VALID)
            .filter(c -> Conditions.FALSE.equals(c.getStatus()))
            .filter(c -> Objects.equals(invalid.message(), c.getMessage()))
            .isPresent();
    condition(
        status,
        StatusConditions.of(
            Conditions.SPEC_VALID,
            Conditions.FALSE,
            invalid.reason(),
            invalid.message(),
            node.getMetadata().getGeneration(),
            clock.instant()));
    if (!known) {
      pending.add(new Events.Pending(Events.WARNING, invalid.reason(), invalid.message()));
    }
  }

  private void phase(SeiNodeStatus status, NodePhase phase) {
    if (status.getPhase() != phase) {
      status.setPhase(phase);
      status.setPhaseTransitionTime(Timestamps.format(clock.instant()));
    }
  }

  private static void condition(SeiNodeStatus status, Condition condition) {
    status.setConditions(StatusConditions.upsert(status.getConditions(), condition));
  }
}
