package io.sei.operator.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.NodeSummary;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentStatus;
import io.sei.operator.group.GroupContext;
import io.sei.operator.group.GroupTaskExecutions;
import io.sei.operator.metrics.OperatorMetrics;
import io.sei.operator.plan.PlanExecutor;
import io.sei.operator.plan.PlanProgress;
import io.sei.operator.planner.deploy.DeploymentDecision;
import io.sei.operator.planner.deploy.DeploymentNames;
import io.sei.operator.planner.deploy.DeploymentPlanner;
import io.sei.operator.planner.deploy.EntrantNodes;
import io.sei.operator.planner.plan.PlanOutcome;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.InvalidTaskException;
import io.sei.operator.render.GroupService;
import io.sei.operator.status.Events;
import io.sei.operator.status.StatusWrite;
import io.sei.operator.task.NodeServices;
import io.sei.operator.task.ServerSideApply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles a SeiNodeDeployment like a SeiNode: decide ({@link DeploymentPlanner}, given the image
 * of a live incumbent) → execute the rollout plan's group tasks ({@link PlanExecutor}) → record,
 * with at most one optimistic-locked status write. On first sight it creates the nodes and the
 * group Service; without a plan it tracks its nodes ({@code status.nodes}, {@code NodesReady},
 * Initializing → Ready).
 *
 * <p>No node is created under a name the status does not hold yet: first sight records the nodes'
 * names, and a new rollout its plan (with the entrants' names), in a status write, and only a later
 * reconcile, reading them back, creates anything. A conflict on that write (or a crash before it)
 * loses nothing but the decision, which the next reconcile makes again; a node is never created
 * that no status lists and no teardown would remove.
 */
@ControllerConfiguration(name = SeiNodeDeploymentReconciler.NAME)
public final class SeiNodeDeploymentReconciler implements Reconciler<SeiNodeDeployment> {
  static final String NAME = "seinodedeployment";

  private final DeploymentPlanner planner;
  private final PlanExecutor executor;
  private final GroupTaskExecutions groupTasks;
  private final NodeServices services;
  private final Events events;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final Duration minRequeue;
  private final Duration pollInterval;

  public SeiNodeDeploymentReconciler(
      DeploymentPlanner planner,
      PlanExecutor executor,
      GroupTaskExecutions groupTasks,
      NodeServices services,
      Duration minRequeue,
      Duration pollInterval) {
    this.planner = planner;
    this.executor = executor;
    this.groupTasks = groupTasks;
    this.services = services;
    this.events = new Events(services.client(), services.clock());
    this.metrics = services.metrics();
    this.clock = services.clock();
    this.minRequeue = minRequeue;
    this.pollInterval = pollInterval;
  }

  @Override
  public UpdateControl<SeiNodeDeployment> reconcile(
      SeiNodeDeployment snd, Context<SeiNodeDeployment> context) {
    long started = System.nanoTime();
    try {
      JsonNode before = StatusWrite.snapshot(snd.getStatus());
      if (snd.getStatus() == null) {
        snd.setStatus(new SeiNodeDeploymentStatus());
      }
      List<Events.Pending> pending = new ArrayList<>();
      Duration requeue = step(snd, pending);
      record(snd);
      switch (StatusWrite.writeIfChanged(snd, before, snd.getStatus(), context)) {
        case CONFLICT:
          return UpdateControl.<SeiNodeDeployment>noUpdate().rescheduleAfter(minRequeue);
        case WRITTEN:
          pending.forEach(event -> events.emit(snd, event));
          break;
        default:
          break;
      }
      return UpdateControl.<SeiNodeDeployment>noUpdate().rescheduleAfter(requeue);
    } finally {
      metrics.reconciled(NAME, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private Duration step(SeiNodeDeployment snd, List<Events.Pending> pending) {
    SeiNodeDeploymentStatus status = snd.getStatus();
    DeploymentDecision decision = planner.decide(snd, liveIncumbentImage(snd));
    if (decision instanceof DeploymentDecision.NoChange && status.getPlan() == null) {
      return pollInterval;
    } else if (decision instanceof DeploymentDecision.Adopt adopt) {
      adopt(snd, adopt.templateHash(), pending);
      return minRequeue;
    } else if (decision instanceof DeploymentDecision.StartRollout start) {
      status.setPlan(start.plan());
      status.setDeployment(start.deployment());
      status.setTemplateHash(start.templateHash());
      status.setIncumbentNodes(start.incumbentNodes());
      status.setPhase(start.phase());
      condition(status, start.condition());
      pending.add(
          new Events.Pending(Events.NORMAL, start.eventReason(), start.condition().getMessage()));
      // The plan, entrant names included, is executed once the status write has persisted it.
      return minRequeue;
    } else if (decision instanceof DeploymentDecision.FinishRollout finish) {
      finish(snd, finish, pending);
      return minRequeue;
    } else if (decision instanceof DeploymentDecision.Invalid invalid) {
      condition(
          status,
          StatusConditions.of(
              Conditions.SPEC_VALID,
              Conditions.FALSE,
              invalid.reason(),
              invalid.message(),
              snd.getMetadata().getGeneration(),
              clock.instant()));
      pending.add(new Events.Pending(Events.WARNING, invalid.reason(), invalid.message()));
      return pollInterval;
    }
    GroupContext context = new GroupContext(snd, services);
    Optional<Duration> wait =
        executor.advance(
            snd,
            status.getPlan(),
            (index, task, starting, params) -> groupTasks.run(context, params));
    if (wait.isPresent()) {
      return wait.get();
    }
    if (planner.decide(snd, Optional.empty()) instanceof DeploymentDecision.FinishRollout finish) {
      finish(snd, finish, pending);
    }
    return minRequeue;
  }

  /**
   * First sight, in two reconciles: the first records the nodes' names (status written, nothing
   * created); the next, reading them back, server-side applies those nodes from the template and
   * the group Service selecting them, and records the template hash. Either write may conflict: the
   * next reconcile repeats the step with the names already recorded.
   */
  private void adopt(SeiNodeDeployment snd, String hash, List<Events.Pending> pending) {
    SeiNodeDeploymentStatus status = snd.getStatus();
    List<String> names = status.getIncumbentNodes();
    if (names == null || names.isEmpty()) {
      status.setIncumbentNodes(DeploymentNames.entrantNodeNames(snd));
      status.setPhase(DeploymentPhase.Initializing);
      return;
    }
    List<SeiNode> nodes;
    try {
      nodes =
          EntrantNodes.render(
              snd,
              new CreateEntrantNodesParams(
                  snd.getMetadata().getName(),
                  snd.getMetadata().getNamespace(),
                  hash,
                  names,
                  null));
    } catch (InvalidTaskException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    nodes.forEach(node -> ServerSideApply.apply(services.client(), node));
    ServerSideApply.apply(services.client(), GroupService.render(snd, hash));
    status.setTemplateHash(hash);
    pending.add(
        new Events.Pending(
            Events.NORMAL,
            "NodesCreated",
            names.size() + " SeiNodes of revision " + hash + ": " + String.join(", ", names)));
  }

  private void finish(
      SeiNodeDeployment snd,
      DeploymentDecision.FinishRollout finish,
      List<Events.Pending> pending) {
    SeiNodeDeploymentStatus status = snd.getStatus();
    status.setPlan(null);
    status.setPhase(finish.phase());
    status.setTemplateHash(finish.templateHash());
    status.setIncumbentNodes(finish.incumbentNodes());
    status.setDeployment(finish.deployment().orElse(null));
    condition(status, finish.condition());
    metrics.planFinished(finish.planClass(), finish.outcome().label(), finish.duration());
    boolean complete = finish.outcome() == PlanOutcome.COMPLETE;
    pending.add(
        new Events.Pending(
            complete ? Events.NORMAL : Events.WARNING,
            complete ? Conditions.REASON_ROLLOUT_COMPLETE : Conditions.REASON_ROLLOUT_FAILED,
            finish.condition().getMessage()));
  }

  /** Observed generation, progress, the nodes' phases and, without a plan, readiness. */
  private void record(SeiNodeDeployment snd) {
    SeiNodeDeploymentStatus status = snd.getStatus();
    status.setObservedGeneration(snd.getMetadata().getGeneration());
    status.setPlanProgress(PlanProgress.of(status.getPlan()));
    Set<String> names =
        new LinkedHashSet<>(Objects.requireNonNullElse(status.getIncumbentNodes(), List.of()));
    Optional.ofNullable(status.getDeployment())
        .map(d -> d.getEntrantNodes())
        .ifPresent(names::addAll);
    if (names.isEmpty()) {
      return;
    }
    List<NodeSummary> nodes = new ArrayList<>();
    for (String name : names) {
      NodePhase phase =
          Optional.ofNullable(
                  services
                      .client()
                      .resources(SeiNode.class)
                      .inNamespace(snd.getMetadata().getNamespace())
                      .withName(name)
                      .get())
              .map(SeiNode::getStatus)
              .map(s -> s.getPhase())
              .orElse(NodePhase.Pending);
      nodes.add(new NodeSummary().withName(name).withPhase(phase));
    }
    status.setNodes(nodes);
    List<String> incumbents = Objects.requireNonNullElse(status.getIncumbentNodes(), List.of());
    long running =
        nodes.stream()
            .filter(n -> incumbents.contains(n.getName()) && n.getPhase() == NodePhase.Running)
            .count();
    boolean allRunning = running == incumbents.size();
    condition(
        status,
        StatusConditions.of(
            Conditions.NODES_READY,
            allRunning ? Conditions.TRUE : Conditions.FALSE,
            allRunning ? "AllNodesRunning" : "NodesNotRunning",
            running + " of " + incumbents.size() + " nodes Running",
            snd.getMetadata().getGeneration(),
            clock.instant()));
    if (status.getPlan() == null
        && allRunning
        && status.getPhase() == DeploymentPhase.Initializing) {
      status.setPhase(DeploymentPhase.Ready);
    }
  }

  /**
   * {@code spec.image} of a live incumbent SeiNode: the image a HardFork entrant bootstraps with.
   */
  private Optional<String> liveIncumbentImage(SeiNodeDeployment snd) {
    return Objects.requireNonNullElse(snd.getStatus().getIncumbentNodes(), List.<String>of())
        .stream()
        .map(
            name ->
                services
                    .client()
                    .resources(SeiNode.class)
                    .inNamespace(snd.getMetadata().getNamespace())
                    .withName(name)
                    .get())
        .filter(Objects::nonNull)
        .map(n -> n.getSpec().getImage())
        .findFirst();
  }

  private static void condition(SeiNodeDeploymentStatus status, Condition condition) {
    status.setConditions(StatusConditions.upsert(status.getConditions(), condition));
  }
}
