package io.sei.operator.planner.deploy;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.DeploymentStatus;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentStatus;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.id.IdSource;
import io.sei.operator.planner.plan.NodeConditions;
import io.sei.operator.planner.plan.NodePlans;
import io.sei.operator.planner.plan.NodeSpecCheck;
import io.sei.operator.planner.plan.PlanAssembler;
import io.sei.operator.planner.plan.PlanClassifier;
import io.sei.operator.planner.plan.PlanOutcome;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.planner.plan.Timestamps;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.planner.task.TaskType;
import io.sei.operator.planner.task.TeardownNodesParams;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides rollouts of a SeiNodeDeployment. A template-hash change while no plan runs starts a
 * rollout; a change during a rollout supersedes it; after a failed rollout the same revision is not
 * retried until the template changes again.
 *
 * <p>Once a rollout's {@code switch-traffic} is done, its entrants serve: superseding it, rolling
 * it back or its failure then treats them as the incumbents, and the nodes they replace (the former
 * incumbents) as stale. Stale nodes — those and the entrants of every superseded or failed rollout
 * — are kept in {@code status.deployment.staleNodes} until a rollout tears them down, so the group
 * Service always selects live nodes and no superseded entrant survives.
 */
public final class DeploymentPlanner {
  public static final String REASON_HARD_FORK_NEEDS_HALT_HEIGHT = "HardForkNeedsHaltHeight";
  public static final String REASON_HARD_FORK_NEEDS_S3 = "HardForkNeedsS3Snapshot";
  public static final String REASON_INCUMBENT_IMAGE_UNKNOWN = "IncumbentImageUnknown";

  private final Clock clock;
  private final IdSource ids;
  private final PlanAssembler assembler;

  public DeploymentPlanner(Clock clock, IdSource ids, RetryPolicy retries) {
    this.clock = clock;
    this.ids = ids;
    this.assembler = new PlanAssembler(retries);
  }

  /**
   * The next step for {@code snd}.
   *
   * @param liveIncumbentImage {@code spec.image} of a live incumbent SeiNode, read by the operator
   *     (the template already holds the new image); required to start a HardFork rollout
   */
  public DeploymentDecision decide(SeiNodeDeployment snd, Optional<String> liveIncumbentImage) {
    SeiNodeDeploymentStatus status =
        snd.getStatus() == null ? new SeiNodeDeploymentStatus() : snd.getStatus();
    TaskPlan plan = status.getPlan();
    if (plan != null && PlanOutcome.isTerminal(plan.getPhase())) {
      return finish(snd, status, plan);
    }
    SeiNodeSpec template = snd.getSpec().getTemplate().getSpec();
    Optional<NodeSpecCheck.Problem> problem = NodeSpecCheck.problem(template);
    if (problem.isPresent()) {
      return new DeploymentDecision.Invalid(problem.get().reason(), problem.get().message());
    }
    String hash = TemplateHash.of(template);
    DeploymentStatus rollout = status.getDeployment();
    boolean sameAsRollout = rollout != null && hash.equals(rollout.getEntrantRevision());
    // The template went back to what the incumbents run, during a rollout or after a failed one.
    boolean backToIncumbents =
        rollout != null
            && rollout.getEntrantRevision() != null
            && !sameAsRollout
            && hash.equals(status.getTemplateHash());
    if (plan != null) {
      if (sameAsRollout || rollout == null) {
        return new DeploymentDecision.NoChange("rollout " + plan.getId() + " is active");
      }
      if (trafficSwitched(plan)) {
        return startRollout(snd, promoted(status), hash, liveIncumbentImage, true);
      }
      return backToIncumbents
          ? rollBack(snd, status, liveIncumbentImage, true)
          : startRollout(snd, status, hash, liveIncumbentImage, true);
    }
    if (status.getTemplateHash() == null) {
      return new DeploymentDecision.Adopt(hash);
    }
    if (backToIncumbents) {
      return rollBack(snd, status, liveIncumbentImage, false);
    }
    if (hash.equals(status.getTemplateHash())) {
      return new DeploymentDecision.NoChange("template unchanged");
    }
    if (sameAsRollout) {
      return new DeploymentDecision.NoChange(
          "rollout of revision " + hash + " failed; waiting for a template change");
    }
    return startRollout(snd, status, hash, liveIncumbentImage, false);
  }

  private DeploymentDecision startRollout(
      SeiNodeDeployment snd,
      SeiNodeDeploymentStatus status,
      String hash,
      Optional<String> liveIncumbentImage,
      boolean superseding) {
    UpdateStrategy updateStrategy = snd.getSpec().getUpdateStrategy();
    RolloutStrategy strategy =
        RolloutStrategy.forType(updateStrategy == null ? null : updateStrategy.getType());
    DeploymentStatus previous = status.getDeployment();
    Optional<String> incumbentImage =
        liveIncumbentImage.or(
            () -> Optional.ofNullable(previous).map(DeploymentStatus::getIncumbentImage));
    Optional<CreateEntrantNodesParams.HardFork> hardFork = Optional.empty();
    if (strategy.type() == UpdateStrategyType.HardFork) {
      Optional<DeploymentDecision.Invalid> invalid =
          checkHardFork(snd.getSpec().getTemplate().getSpec(), updateStrategy, incumbentImage);
      if (invalid.isPresent()) {
        return invalid.get();
      }
      hardFork =
          Optional.of(
              new CreateEntrantNodesParams.HardFork(
                  incumbentImage.orElseThrow(),
                  updateStrategy.getHardFork().getHaltHeight(),
                  updateStrategy.getHardFork().getUpgradeName()));
    }
    List<String> entrants =
        strategy.createsEntrants() ? DeploymentNames.entrantNodeNames(snd) : List.of();
    List<String> stale =
        union(
                Optional.ofNullable(previous).map(DeploymentStatus::getStaleNodes),
                Optional.ofNullable(previous).map(DeploymentStatus::getEntrantNodes))
            .stream()
            .filter(name -> !entrants.contains(name))
            .toList();
    Rollout rollout =
        new Rollout(
            snd.getMetadata().getName(),
            snd.getMetadata().getNamespace(),
            hash,
            snd.getSpec().getTemplate().getSpec().getImage(),
            Objects.requireNonNullElse(status.getIncumbentNodes(), List.of()),
            entrants,
            stale,
            hardFork,
            EntrantNodes.signsWithKeys(snd.getSpec().getTemplate().getSpec()));
    TaskPlan plan =
        assembler.assemble(
            ids.newPlanId(),
            now(),
            strategy.steps(rollout),
            DeploymentPhase.Ready.name(),
            DeploymentPhase.Degraded.name());
    DeploymentStatus deployment =
        new DeploymentStatus()
            .withIncumbentRevision(status.getTemplateHash())
            .withEntrantRevision(hash)
            .withEntrantNodes(entrants.isEmpty() ? null : entrants)
            .withIncumbentImage(incumbentImage.orElse(null))
            .withStaleNodes(stale.isEmpty() ? null : stale);
    String reason =
        superseding ? Conditions.REASON_ROLLOUT_SUPERSEDED : Conditions.REASON_ROLLOUT_STARTED;
    String message =
        strategy.type()
            + " rollout of revision "
            + hash
            + " (from "
            + status.getTemplateHash()
            + ")"
            + (superseding ? ", superseding revision " + previous.getEntrantRevision() : "");
    return new DeploymentDecision.StartRollout(
        plan,
        PlanClassifier.classify(plan),
        deployment,
        status.getTemplateHash(),
        status.getIncumbentNodes(),
        DeploymentPhase.Upgrading,
        rolloutCondition(snd, Conditions.TRUE, reason, message),
        reason);
  }

  /** The plan's {@code switch-traffic} is done: the group Service selects its entrants. */
  static boolean trafficSwitched(TaskPlan plan) {
    return plan.getTasks().stream()
        .anyMatch(
            t ->
                TaskType.SWITCH_TRAFFIC.wireName().equals(t.getType())
                    && t.getStatus() == TaskStatus.Complete);
  }

  /**
   * {@code status} as it stands once the rollout's traffic switch made its entrants the serving
   * nodes: they and their revision are the incumbents; the former incumbents join the stale nodes.
   */
  private static SeiNodeDeploymentStatus promoted(SeiNodeDeploymentStatus status) {
    DeploymentStatus rollout = status.getDeployment();
    List<String> entrants = Objects.requireNonNullElse(rollout.getEntrantNodes(), List.of());
    List<String> stale =
        union(
                Optional.ofNullable(rollout.getStaleNodes()),
                Optional.ofNullable(status.getIncumbentNodes()))
            .stream()
            .filter(name -> !entrants.contains(name))
            .toList();
    return new SeiNodeDeploymentStatus()
        .withTemplateHash(rollout.getEntrantRevision())
        .withIncumbentNodes(entrants)
        .withDeployment(
            new DeploymentStatus()
                .withIncumbentRevision(rollout.getEntrantRevision())
                .withIncumbentImage(rollout.getIncumbentImage())
                .withStaleNodes(stale.isEmpty() ? null : stale));
  }

  private static List<String> union(Optional<List<String>> first, Optional<List<String>> second) {
    Set<String> all = new LinkedHashSet<>(first.orElse(List.of()));
    all.addAll(second.orElse(List.of()));
    return List.copyOf(all);
  }

  /**
   * Back to the incumbents' revision: for strategies with entrants, one {@code teardown-nodes} of
   * the rollout's entrants, incumbents untouched (a rollout to the incumbents' own revision would
   * create copies of them and tear the originals down); InPlace rolls the nodes back in place.
   */
  private DeploymentDecision rollBack(
      SeiNodeDeployment snd,
      SeiNodeDeploymentStatus status,
      Optional<String> liveIncumbentImage,
      boolean superseding) {
    UpdateStrategy updateStrategy = snd.getSpec().getUpdateStrategy();
    RolloutStrategy strategy =
        RolloutStrategy.forType(updateStrategy == null ? null : updateStrategy.getType());
    String incumbentRevision = status.getTemplateHash();
    if (!strategy.createsEntrants()) {
      return startRollout(snd, status, incumbentRevision, liveIncumbentImage, superseding);
    }
    DeploymentStatus previous = status.getDeployment();
    List<String> entrants = Objects.requireNonNullElse(previous.getEntrantNodes(), List.of());
    List<String> teardown =
        union(Optional.of(entrants), Optional.ofNullable(previous.getStaleNodes())).stream()
            .filter(
                name ->
                    !Objects.requireNonNullElse(status.getIncumbentNodes(), List.of())
                        .contains(name))
            .toList();
    TaskPlan plan =
        assembler.assemble(
            ids.newPlanId(),
            now(),
            List.of(new TeardownNodesParams(snd.getMetadata().getNamespace(), teardown)),
            DeploymentPhase.Ready.name(),
            DeploymentPhase.Degraded.name());
    DeploymentStatus deployment =
        new DeploymentStatus()
            .withIncumbentRevision(incumbentRevision)
            .withEntrantRevision(incumbentRevision)
            .withIncumbentImage(previous.getIncumbentImage());
    String reason =
        superseding ? Conditions.REASON_ROLLOUT_SUPERSEDED : Conditions.REASON_ROLLOUT_STARTED;
    String message =
        "template is back at revision "
            + incumbentRevision
            + ": tearing down the entrants "
            + entrants
            + " of revision "
            + previous.getEntrantRevision()
            + ", incumbents untouched";
    return new DeploymentDecision.StartRollout(
        plan,
        PlanClassifier.classify(plan),
        deployment,
        incumbentRevision,
        status.getIncumbentNodes(),
        DeploymentPhase.Upgrading,
        rolloutCondition(snd, Conditions.TRUE, reason, message),
        reason);
  }

  private static Optional<DeploymentDecision.Invalid> checkHardFork(
      SeiNodeSpec template, UpdateStrategy strategy, Optional<String> incumbentImage) {
    long haltHeight =
        Optional.ofNullable(strategy.getHardFork()).map(HardForkStrategy::getHaltHeight).orElse(0L);
    if (haltHeight < 2) {
      return invalid(
          REASON_HARD_FORK_NEEDS_HALT_HEIGHT,
          "updateStrategy.hardFork.haltHeight must be at least 2: entrants bootstrap to haltHeight-1");
    }
    if (NodePlans.snapshot(template).filter(s -> s.getS3() != null).isEmpty()) {
      return invalid(
          REASON_HARD_FORK_NEEDS_S3,
          "a HardFork template needs an S3 snapshot source: entrants bootstrap from it");
    }
    if (incumbentImage.isEmpty()) {
      return invalid(
          REASON_INCUMBENT_IMAGE_UNKNOWN,
          "no live incumbent SeiNode tells which image the entrants bootstrap with");
    }
    return Optional.empty();
  }

  private static Optional<DeploymentDecision.Invalid> invalid(String reason, String message) {
    return Optional.of(new DeploymentDecision.Invalid(reason, message));
  }

  private DeploymentDecision finish(
      SeiNodeDeployment snd, SeiNodeDeploymentStatus status, TaskPlan plan) {
    PlanOutcome outcome = PlanOutcome.of(plan.getPhase());
    Optional<DeploymentStatus> rollout = Optional.ofNullable(status.getDeployment());
    String planClass = PlanClassifier.classify(plan);
    if (outcome == PlanOutcome.COMPLETE) {
      List<String> incumbents =
          rollout
              .map(DeploymentStatus::getEntrantNodes)
              .orElseGet(() -> Objects.requireNonNullElse(status.getIncumbentNodes(), List.of()));
      return new DeploymentDecision.FinishRollout(
          plan,
          outcome,
          planClass,
          Timestamps.since(plan.getStartedAt(), now()),
          DeploymentPhase.Ready,
          rollout.map(DeploymentStatus::getEntrantRevision).orElse(status.getTemplateHash()),
          incumbents,
          Optional.empty(),
          rolloutCondition(
              snd,
              Conditions.FALSE,
              Conditions.REASON_ROLLOUT_COMPLETE,
              planClass + " plan " + plan.getId() + " complete"));
    }
    // Failed after its traffic switch: the entrants serve, so they stay as the incumbents.
    SeiNodeDeploymentStatus after =
        rollout.filter(r -> r.getEntrantNodes() != null).isPresent() && trafficSwitched(plan)
            ? promoted(status)
            : status;
    return new DeploymentDecision.FinishRollout(
        plan,
        outcome,
        planClass,
        Timestamps.since(plan.getStartedAt(), now()),
        DeploymentPhase.Degraded,
        after.getTemplateHash(),
        Objects.requireNonNullElse(after.getIncumbentNodes(), List.of()),
        Optional.ofNullable(after.getDeployment()),
        rolloutCondition(
            snd,
            Conditions.FALSE,
            Conditions.REASON_ROLLOUT_FAILED,
            NodeConditions.failureMessage(plan)));
  }

  private Condition rolloutCondition(
      SeiNodeDeployment snd, String status, String reason, String message) {
    return StatusConditions.of(
        Conditions.ROLLOUT_IN_PROGRESS,
        status,
        reason,
        message,
        snd.getMetadata().getGeneration(),
        now());
  }

  private Instant now() {
    return clock.instant();
  }
}
