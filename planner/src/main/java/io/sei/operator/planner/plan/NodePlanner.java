package io.sei.operator.planner.plan;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.planner.drift.NodeDrift;
import io.sei.operator.planner.id.IdSource;
import io.sei.operator.planner.task.ApplyStatefulsetParams;
import io.sei.operator.planner.task.InvalidTaskException;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.TeardownBootstrapParams;
import io.sei.operator.planner.task.ValidateSigningKeyParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides which plan a SeiNode needs (SPEC §5.2). Pure: it reads the node it is given, the injected
 * clock and id source, and returns a {@link NodePlanDecision}; it never talks to the cluster.
 *
 * <p>Order of {@link #decide}: a terminal stored plan is finished; an Active plan is never
 * replaced; a Pending node (or an Initializing one without a plan) gets an init or bootstrap plan
 * or an {@link NodePlanDecision.Invalid}; a Running node gets at most one node-update or mark-ready
 * plan; a Failed node gets its init or bootstrap plan again once its spec changed, nothing before;
 * Terminating nodes get nothing.
 */
public final class NodePlanner {
  private final Clock clock;
  private final IdSource ids;
  private final RetryPolicy retries;
  private final PlanAssembler assembler;

  public NodePlanner(Clock clock, IdSource ids, RetryPolicy retries) {
    this.clock = clock;
    this.ids = ids;
    this.retries = retries;
    this.assembler = new PlanAssembler(retries);
  }

  /** The next step for {@code node}. */
  public NodePlanDecision decide(SeiNode node) {
    SeiNodeStatus status = node.getStatus() == null ? new SeiNodeStatus() : node.getStatus();
    TaskPlan plan = status.getPlan();
    if (plan != null && PlanOutcome.isTerminal(plan.getPhase())) {
      return finish(node, plan);
    }
    if (plan != null) {
      return NodePlanDecision.NoChange.because("plan " + plan.getId() + " is active");
    }
    NodePhase phase = status.getPhase() == null ? NodePhase.Pending : status.getPhase();
    switch (phase) {
      case Pending:
      case Initializing:
        return planInit(node);
      case Running:
        return planRunning(node, status);
      case Failed:
        return failedAtAnEarlierGeneration(node, status)
            ? replanInit(node)
            : NodePlanDecision.NoChange.because(
                "node is Failed; edit its spec (a new generation) to plan it again");
      default:
        return NodePlanDecision.NoChange.because("node is " + phase);
    }
  }

  /**
   * The init or bootstrap plan of a new node, or why its spec cannot be planned. Targets Running,
   * fails to Failed.
   */
  public NodePlanDecision planInit(SeiNode node) {
    Optional<NodeSpecCheck.Problem> problem = NodeSpecCheck.problem(node.getSpec());
    if (problem.isPresent()) {
      return new NodePlanDecision.Invalid(problem.get().reason(), problem.get().message());
    }
    List<TaskParams> steps =
        NodePlans.needsBootstrap(node.getSpec()) ? NodePlans.bootstrap(node) : NodePlans.init(node);
    TaskPlan plan = assemble(steps, NodePhase.Failed.name());
    return new NodePlanDecision.StartPlan(
        plan, PlanClassifier.classify(plan), NodePhase.Initializing, List.of());
  }

  /**
   * A Failed node whose spec changed since its init or bootstrap plan failed ({@code
   * Initialized=False} records the generation it failed at): planned again, so a fix of the spec
   * recovers the node without deleting it (and its data). The plan starts with {@code
   * teardown-bootstrap}: a bootstrap Job left by the failed attempt would refuse a new template.
   */
  private NodePlanDecision replanInit(SeiNode node) {
    NodePlanDecision decision = planInit(node);
    if (!(decision instanceof NodePlanDecision.StartPlan start)) {
      return decision;
    }
    List<TaskParams> steps = new ArrayList<>();
    steps.add(new TeardownBootstrapParams());
    steps.addAll(
        NodePlans.needsBootstrap(node.getSpec())
            ? NodePlans.bootstrap(node)
            : NodePlans.init(node));
    TaskPlan plan = assemble(steps, NodePhase.Failed.name());
    return new NodePlanDecision.StartPlan(
        plan, PlanClassifier.classify(plan), NodePhase.Initializing, start.conditions());
  }

  private static boolean failedAtAnEarlierGeneration(SeiNode node, SeiNodeStatus status) {
    long generation = Optional.ofNullable(generation(node)).orElse(0L);
    return StatusConditions.find(status.getConditions(), Conditions.INITIALIZED)
        .filter(c -> Conditions.FALSE.equals(c.getStatus()))
        .map(c -> c.getObservedGeneration() == null ? 0L : c.getObservedGeneration())
        .filter(failedAt -> failedAt < generation)
        .isPresent();
  }

  /**
   * {@code buildNodeUpdatePlan(node, imageDrift, signingKeyDrift)}: the node-update plan with its
   * {@code NodeUpdateInProgress=True} condition. Targets Running; no failed phase (the node stays
   * Running and a later reconcile retries).
   */
  public NodePlanDecision.StartPlan buildNodeUpdatePlan(
      SeiNode node, boolean imageDrift, boolean signingKeyDrift) {
    NodeDrift drift = new NodeDrift(imageDrift, signingKeyDrift);
    TaskPlan plan = assemble(NodePlans.nodeUpdate(node, imageDrift, signingKeyDrift), null);
    String message =
        NodeConditions.updateStartedMessage(
            drift,
            node.getStatus() == null ? null : node.getStatus().getCurrentImage(),
            node.getSpec().getImage(),
            NodeDrift.signingKeySecret(node.getSpec()).orElse(null));
    Condition started =
        NodeConditions.updateStarted(
            NodeConditions.updateStartedReason(drift), message, generation(node), now());
    return new NodePlanDecision.StartPlan(
        plan, PlanClassifier.classify(plan), NodePhase.Running, List.of(started));
  }

  private NodePlanDecision planRunning(SeiNode node, SeiNodeStatus status) {
    Optional<NodeSpecCheck.Problem> problem = NodeSpecCheck.problem(node.getSpec());
    if (problem.isPresent()) {
      return new NodePlanDecision.Invalid(problem.get().reason(), problem.get().message());
    }
    NodeDrift drift = NodeDrift.of(node);
    if (drift.any()) {
      Optional<Duration> cooldown = remainingCooldown(status);
      if (cooldown.isPresent()) {
        return new NodePlanDecision.NoChange(
            "node update failed recently; retrying after the cooldown", cooldown);
      }
      return buildNodeUpdatePlan(node, drift.image(), drift.signingKey());
    }
    Optional<Condition> failedReapply = failedMarkReady(status);
    if (failedReapply.isPresent()) {
      Optional<Duration> cooldown = remainingCooldown(failedReapply.get());
      if (cooldown.isPresent()) {
        return new NodePlanDecision.NoChange(
            "mark-ready re-apply failed recently; retrying after the cooldown", cooldown);
      }
      return markReadyReapply(node);
    }
    if (sidecarNotReady(status)) {
      return markReadyReapply(node);
    }
    return NodePlanDecision.NoChange.because("no drift");
  }

  /**
   * The one-task mark-ready plan for a Running node whose sidecar lost readiness, with {@code
   * SidecarReady=Unknown/MarkReadyReapplying}: a failure then turns the condition False at that
   * moment, which starts the cooldown before the next try.
   */
  private NodePlanDecision.StartPlan markReadyReapply(SeiNode node) {
    TaskPlan plan = assemble(NodePlans.markReady(), null);
    Condition reapplying =
        StatusConditions.of(
            Conditions.SIDECAR_READY,
            Conditions.UNKNOWN,
            Conditions.REASON_MARK_READY_REAPPLYING,
            "the sidecar lost readiness; plan " + plan.getId() + " re-applies mark-ready",
            generation(node),
            now());
    return new NodePlanDecision.StartPlan(
        plan, PlanClassifier.classify(plan), NodePhase.Running, List.of(reapplying));
  }

  private static Optional<Condition> failedMarkReady(SeiNodeStatus status) {
    return StatusConditions.find(status.getConditions(), Conditions.SIDECAR_READY)
        .filter(c -> Conditions.FALSE.equals(c.getStatus()))
        .filter(c -> Conditions.REASON_MARK_READY_FAILED.equals(c.getReason()));
  }

  private Optional<Duration> remainingCooldown(SeiNodeStatus status) {
    return StatusConditions.find(status.getConditions(), Conditions.NODE_UPDATE_IN_PROGRESS)
        .filter(c -> Conditions.REASON_UPDATE_FAILED.equals(c.getReason()))
        .flatMap(this::remainingCooldown);
  }

  /** What is left of the cooldown that began when {@code failed} last turned to its status. */
  private Optional<Duration> remainingCooldown(Condition failed) {
    return Timestamps.parse(failed.getLastTransitionTime())
        .map(failedAt -> retries.failedUpdateCooldown().minus(Duration.between(failedAt, now())))
        .filter(remaining -> !remaining.isNegative() && !remaining.isZero());
  }

  private static boolean sidecarNotReady(SeiNodeStatus status) {
    return StatusConditions.find(status.getConditions(), Conditions.SIDECAR_READY)
        .filter(c -> Conditions.FALSE.equals(c.getStatus()))
        .filter(c -> Conditions.REASON_SIDECAR_NOT_READY.equals(c.getReason()))
        .isPresent();
  }

  /** A phase name as stored in a plan; an unknown (hand-edited) one is ignored, never thrown. */
  private static Optional<NodePhase> knownPhase(String name) {
    return Arrays.stream(NodePhase.values()).filter(p -> p.name().equals(name)).findFirst();
  }

  private NodePlanDecision.FinishPlan finish(SeiNode node, TaskPlan plan) {
    PlanOutcome outcome = PlanOutcome.of(plan.getPhase());
    String planClass = PlanClassifier.classify(plan);
    boolean complete = outcome == PlanOutcome.COMPLETE;
    Optional<NodePhase> phase =
        Optional.ofNullable(complete ? plan.getTargetPhase() : plan.getFailedPhase())
            .flatMap(NodePlanner::knownPhase);
    boolean initializes =
        planClass.equals(PlanClassifier.INIT) || planClass.equals(PlanClassifier.BOOTSTRAP);
    List<Condition> conditions;
    if (planClass.startsWith("node-update:")) {
      conditions =
          List.of(
              complete
                  ? NodeConditions.updateComplete(plan, generation(node), now())
                  : NodeConditions.updateFailed(plan, generation(node), now()));
    } else if (initializes) {
      conditions = List.of(NodeConditions.initialized(plan, complete, generation(node), now()));
    } else if (planClass.equals(PlanClassifier.MARK_READY_REAPPLY) && !complete) {
      conditions =
          List.of(
              StatusConditions.of(
                  Conditions.SIDECAR_READY,
                  Conditions.FALSE,
                  Conditions.REASON_MARK_READY_FAILED,
                  NodeConditions.failureMessage(plan)
                      + "; mark-ready is re-applied after "
                      + retries.failedUpdateCooldown().toSeconds()
                      + " s",
                  generation(node),
                  now()));
    } else {
      conditions = List.of();
    }
    boolean stamps = complete && initializes;
    return new NodePlanDecision.FinishPlan(
        plan,
        outcome,
        planClass,
        Timestamps.since(plan.getStartedAt(), now()),
        phase,
        conditions,
        stamps
            ? lastParams(plan, ApplyStatefulsetParams.class).map(ApplyStatefulsetParams::image)
            : Optional.empty(),
        stamps
            ? lastParams(plan, ValidateSigningKeyParams.class)
                .map(ValidateSigningKeyParams::secretName)
            : Optional.empty());
  }

  /** Params of the last task of {@code type}'s kind; empty when absent or undecodable. */
  private static <P extends TaskParams> Optional<P> lastParams(TaskPlan plan, Class<P> type) {
    Optional<P> found = Optional.empty();
    for (PlannedTask task : plan.getTasks()) {
      try {
        TaskParams params = TaskCodec.decode(task);
        if (type.isInstance(params)) {
          found = Optional.of(type.cast(params));
        }
      } catch (InvalidTaskException e) {
        // A stored task the catalog cannot read stamps nothing; drift detection catches up.
      }
    }
    return found;
  }

  private TaskPlan assemble(List<TaskParams> steps, String failedPhase) {
    return assembler.assemble(ids.newPlanId(), now(), steps, NodePhase.Running.name(), failedPhase);
  }

  private Instant now() {
    return clock.instant();
  }

  private static Long generation(SeiNode node) {
    return node.getMetadata() == null ? null : node.getMetadata().getGeneration();
  }
}
