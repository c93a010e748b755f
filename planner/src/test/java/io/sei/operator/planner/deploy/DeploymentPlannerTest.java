package io.sei.operator.planner.deploy;

import static io.sei.operator.planner.Fixtures.IMAGE_V1;
import static io.sei.operator.planner.Fixtures.IMAGE_V2;
import static io.sei.operator.planner.Fixtures.clock;
import static io.sei.operator.planner.Fixtures.fullNode;
import static io.sei.operator.planner.Fixtures.group;
import static io.sei.operator.planner.Fixtures.ids;
import static io.sei.operator.planner.Fixtures.retries;
import static io.sei.operator.planner.Fixtures.s3;
import static io.sei.operator.planner.Fixtures.stateSync;
import static io.sei.operator.planner.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.DeploymentStatus;
import io.sei.operator.api.PlanPhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.plan.PlanClassifier;
import io.sei.operator.planner.plan.PlanOutcome;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.HandOverValidatorKeysParams;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TeardownNodesParams;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentPlannerTest {
  private final DeploymentPlanner planner = new DeploymentPlanner(clock(), ids(), retries());

  /** A group whose incumbents rpc-0, rpc-1 run the v1 template and whose template now says v2. */
  static SeiNodeDeployment upgraded(UpdateStrategyType type) {
    SeiNodeDeployment snd = group(type, fullNode(s3(10)));
    snd.getStatus()
        .withTemplateHash(TemplateHash.of(fullNode(s3(10))))
        .withIncumbentNodes(List.of("rpc-0", "rpc-1"));
    snd.getSpec().getTemplate().getSpec().setImage(IMAGE_V2);
    return snd;
  }

  private DeploymentDecision.StartRollout start(SeiNodeDeployment snd) {
    return (DeploymentDecision.StartRollout) planner.decide(snd, Optional.of(IMAGE_V1));
  }

  static String order(TaskPlan plan) {
    return plan.getTasks().stream().map(PlannedTask::getType).collect(Collectors.joining(", "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "InPlace | update-node-specs, await-nodes-updated | deployment:InPlace",
        "BlueGreen | create-entrant-nodes, await-nodes-running, await-nodes-caught-up,"
            + " switch-traffic, teardown-nodes | deployment:BlueGreen",
        "HardFork | create-entrant-nodes, await-nodes-running, switch-traffic, teardown-nodes"
            + " | deployment:HardFork"
      })
  void templateChangeStartsTheStrategysPlan(
      UpdateStrategyType type, String tasks, String planClass) {
    DeploymentDecision.StartRollout start = start(upgraded(type));
    assertThat(order(start.plan())).isEqualTo(tasks);
    assertThat(start.planClass()).isEqualTo(planClass);
    assertThat(start.phase()).isEqualTo(DeploymentPhase.Upgrading);
    assertThat(start.plan().getTargetPhase()).isEqualTo("Ready");
    assertThat(start.plan().getFailedPhase()).isEqualTo("Degraded");
    assertThat(start.condition().getReason()).isEqualTo(Conditions.REASON_ROLLOUT_STARTED);
    assertThat(start.eventReason()).isEqualTo(Conditions.REASON_ROLLOUT_STARTED);
  }

  /** A signing validator group (one replica) whose template now says v2. */
  static SeiNodeDeployment signingValidator(UpdateStrategyType type) {
    SeiNodeSpec template = validator("val-key");
    template.getValidator().setSnapshot(s3(10));
    SeiNodeDeployment snd = group(type, template);
    snd.getSpec().setReplicas(1);
    snd.getStatus()
        .withTemplateHash(TemplateHash.of(template))
        .withIncumbentNodes(List.of("rpc-0"));
    snd.getSpec().getTemplate().getSpec().setImage(IMAGE_V2);
    return snd;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "BlueGreen | create-entrant-nodes, await-nodes-running, await-nodes-caught-up,"
            + " switch-traffic, teardown-nodes, hand-over-validator-keys",
        "HardFork | create-entrant-nodes, await-nodes-running, switch-traffic, teardown-nodes,"
            + " hand-over-validator-keys"
      })
  void aSigningValidatorsEntrantsGetTheKeysOnlyAfterTheIncumbentsAreTornDown(
      UpdateStrategyType type, String tasks) throws Exception {
    DeploymentDecision.StartRollout start = start(signingValidator(type));
    assertThat(order(start.plan())).isEqualTo(tasks);
    List<PlannedTask> planned = start.plan().getTasks();
    assertThat(TaskCodec.decode(planned.get(0), CreateEntrantNodesParams.class))
        .extracting(CreateEntrantNodesParams::withholdValidatorKeys)
        .isEqualTo(true);
    assertThat(TaskCodec.decode(planned.get(planned.size() - 1), HandOverValidatorKeysParams.class))
        .isEqualTo(
            new HandOverValidatorKeysParams("rpc", "chain", List.of("rpc-g7-0"), List.of("rpc-0")));
  }

  @ParameterizedTest
  @CsvSource({"BlueGreen", "HardFork"})
  void groupsWithoutASigningKeyCreateEntrantsWithEveryKeyAndHandNothingOver(UpdateStrategyType type)
      throws Exception {
    DeploymentDecision.StartRollout start = start(upgraded(type));
    assertThat(order(start.plan())).doesNotContain("hand-over-validator-keys");
    assertThat(
            TaskCodec.decode(start.plan().getTasks().get(0), CreateEntrantNodesParams.class)
                .withholdValidatorKeys())
        .isFalse();
  }

  @Test
  void missingStrategyRollsOutInPlace() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.InPlace);
    snd.getSpec().setUpdateStrategy(null);
    assertThat(start(snd).planClass()).isEqualTo("deployment:InPlace");
  }

  @Test
  void hardForkEntrantsBootstrapOnTheIncumbentImageToTheBlockBeforeTheFork() throws Exception {
    DeploymentDecision.StartRollout start = start(upgraded(UpdateStrategyType.HardFork));
    CreateEntrantNodesParams create =
        TaskCodec.decode(start.plan().getTasks().get(0), CreateEntrantNodesParams.class);
    assertThat(create.hardFork())
        .isEqualTo(new CreateEntrantNodesParams.HardFork(IMAGE_V1, 100, null));
    assertThat(create.nodeNames()).containsExactly("rpc-g7-0", "rpc-g7-1");
    assertThat(create.entrantRevision())
        .isEqualTo(TemplateHash.of(fullNode(s3(10)).withImage(IMAGE_V2)));
    assertThat(start.deployment().getIncumbentImage()).isEqualTo(IMAGE_V1);
  }

  @Test
  void blueGreenEntrantsCarryNoHardForkInjection() throws Exception {
    DeploymentDecision.StartRollout start = start(upgraded(UpdateStrategyType.BlueGreen));
    assertThat(
            TaskCodec.decode(start.plan().getTasks().get(0), CreateEntrantNodesParams.class)
                .hardFork())
        .isNull();
  }

  @Test
  void rolloutRecordsBothRevisionsAndTheEntrants() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.BlueGreen);
    DeploymentStatus deployment = start(snd).deployment();
    assertThat(deployment.getIncumbentRevision()).isEqualTo(snd.getStatus().getTemplateHash());
    assertThat(deployment.getEntrantRevision())
        .isEqualTo(TemplateHash.of(snd.getSpec().getTemplate().getSpec()));
    assertThat(deployment.getEntrantNodes()).containsExactly("rpc-g7-0", "rpc-g7-1");
  }

  @Test
  void firstSightAdoptsTheTemplateHash() {
    SeiNodeDeployment snd = group(UpdateStrategyType.BlueGreen, fullNode(null));
    assertThat(planner.decide(snd, Optional.empty()))
        .isEqualTo(new DeploymentDecision.Adopt(TemplateHash.of(fullNode(null))));
  }

  @Test
  void unchangedTemplateNeedsNothing() {
    SeiNodeDeployment snd = group(UpdateStrategyType.BlueGreen, fullNode(null));
    snd.getStatus().setTemplateHash(TemplateHash.of(fullNode(null)));
    snd.getSpec().setReplicas(5);
    snd.getSpec()
        .getTemplate()
        .getSpec()
        .setPeers(io.sei.operator.planner.Fixtures.staticPeers("a@b:1"));
    assertThat(planner.decide(snd, Optional.empty()))
        .isInstanceOf(DeploymentDecision.NoChange.class);
  }

  @Test
  void activeRolloutOfTheCurrentTemplateIsLeftAlone() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.BlueGreen);
    DeploymentDecision.StartRollout start = start(snd);
    snd.getStatus().withPlan(start.plan()).withDeployment(start.deployment());
    assertThat(planner.decide(snd, Optional.of(IMAGE_V1)))
        .isEqualTo(new DeploymentDecision.NoChange("rollout plan-1 is active"));
  }

  @Test
  void newTemplateDuringARolloutSupersedesItAndTearsDownItsEntrants() throws Exception {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.BlueGreen);
    DeploymentDecision.StartRollout first = start(snd);
    snd.getStatus().withPlan(first.plan()).withDeployment(first.deployment());
    snd.getSpec().getTemplate().getSpec().setImage("sei:v3");
    snd.getMetadata().setGeneration(8L);

    DeploymentDecision.StartRollout second =
        (DeploymentDecision.StartRollout) planner.decide(snd, Optional.empty());

    assertThat(second.eventReason()).isEqualTo(Conditions.REASON_ROLLOUT_SUPERSEDED);
    assertThat(second.condition().getReason()).isEqualTo(Conditions.REASON_ROLLOUT_SUPERSEDED);
    assertThat(second.plan().getId()).isEqualTo("plan-2");
    assertThat(second.deployment().getIncumbentImage()).isEqualTo(IMAGE_V1);
    TeardownNodesParams teardown =
        TaskCodec.decode(second.plan().getTasks().get(4), TeardownNodesParams.class);
    assertThat(teardown.nodeNames()).containsExactly("rpc-0", "rpc-1", "rpc-g7-0", "rpc-g7-1");
  }

  @ParameterizedTest
  @CsvSource({"BlueGreen", "HardFork"})
  void templateBackAtTheIncumbentsDuringARolloutTearsDownOnlyTheEntrants(UpdateStrategyType type)
      throws Exception {
    SeiNodeDeployment snd = upgraded(type);
    DeploymentDecision.StartRollout first = start(snd);
    snd.getStatus().withPlan(first.plan()).withDeployment(first.deployment());
    snd.getSpec().getTemplate().getSpec().setImage(IMAGE_V1);

    DeploymentDecision.StartRollout back =
        (DeploymentDecision.StartRollout) planner.decide(snd, Optional.of(IMAGE_V1));

    assertThat(order(back.plan())).isEqualTo("teardown-nodes");
    assertThat(
            TaskCodec.decode(back.plan().getTasks().get(0), TeardownNodesParams.class).nodeNames())
        .containsExactly("rpc-g7-0", "rpc-g7-1");
    assertThat(back.planClass()).isEqualTo(PlanClassifier.DEPLOYMENT_ROLLBACK);
    assertThat(back.eventReason()).isEqualTo(Conditions.REASON_ROLLOUT_SUPERSEDED);
    assertThat(back.deployment().getEntrantRevision()).isEqualTo(snd.getStatus().getTemplateHash());

    back.plan().setPhase(PlanPhase.Complete);
    snd.getStatus().withPlan(back.plan()).withDeployment(back.deployment());
    DeploymentDecision.FinishRollout finish =
        (DeploymentDecision.FinishRollout) planner.decide(snd, Optional.empty());
    assertThat(finish.phase()).isEqualTo(DeploymentPhase.Ready);
    assertThat(finish.incumbentNodes()).containsExactly("rpc-0", "rpc-1");
    assertThat(finish.templateHash()).isEqualTo(snd.getStatus().getTemplateHash());
  }

  @Test
  void templateBackAtTheIncumbentsAfterAFailedRolloutCleansUpItsEntrants() throws Exception {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.HardFork);
    DeploymentDecision.StartRollout first = start(snd);
    first.plan().setPhase(PlanPhase.Failed);
    snd.getStatus().withDeployment(first.deployment());
    snd.getSpec().getTemplate().getSpec().setImage(IMAGE_V1);

    DeploymentDecision.StartRollout back =
        (DeploymentDecision.StartRollout) planner.decide(snd, Optional.of(IMAGE_V1));

    assertThat(order(back.plan())).isEqualTo("teardown-nodes");
    assertThat(back.eventReason()).isEqualTo(Conditions.REASON_ROLLOUT_STARTED);
    assertThat(
            TaskCodec.decode(back.plan().getTasks().get(0), TeardownNodesParams.class).nodeNames())
        .containsExactly("rpc-g7-0", "rpc-g7-1");
  }

  /** {@code snd} in the middle of its first BlueGreen rollout, traffic already on the entrants. */
  private DeploymentDecision.StartRollout switched(SeiNodeDeployment snd) {
    DeploymentDecision.StartRollout first = start(snd);
    first.plan().getTasks().stream()
        .filter(t -> t.getType().equals("switch-traffic") || t.getType().startsWith("create"))
        .forEach(t -> t.setStatus(TaskStatus.Complete));
    snd.getStatus().withPlan(first.plan()).withDeployment(first.deployment());
    return first;
  }

  @Test
  void templateBackAtTheIncumbentsAfterTheTrafficSwitchRollsForwardFromTheServingEntrants()
      throws Exception {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.BlueGreen);
    String v1 = snd.getStatus().getTemplateHash();
    DeploymentDecision.StartRollout first = switched(snd);
    snd.getSpec().getTemplate().getSpec().setImage(IMAGE_V1);
    snd.getMetadata().setGeneration(8L);

    DeploymentDecision.StartRollout back =
        (DeploymentDecision.StartRollout) planner.decide(snd, Optional.of(IMAGE_V2));

    assertThat(order(back.plan()))
        .as("a teardown of the serving entrants would leave the Service selecting nothing")
        .startsWith("create-entrant-nodes");
    assertThat(back.templateHash()).isEqualTo(first.deployment().getEntrantRevision());
    assertThat(back.incumbentNodes()).containsExactly("rpc-g7-0", "rpc-g7-1");
    assertThat(back.deployment().getEntrantRevision()).isEqualTo(v1);
    assertThat(back.deployment().getEntrantNodes()).containsExactly("rpc-g8-0", "rpc-g8-1");
    assertThat(
            TaskCodec.decode(back.plan().getTasks().get(4), TeardownNodesParams.class).nodeNames())
        .containsExactly("rpc-g7-0", "rpc-g7-1", "rpc-0", "rpc-1");
  }

  @Test
  void entrantsOfEverySupersededRolloutStayStaleUntilARolloutTearsThemDown() throws Exception {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.BlueGreen);
    DeploymentDecision.StartRollout first = start(snd);
    snd.getStatus().withPlan(first.plan()).withDeployment(first.deployment());
    snd.getSpec().getTemplate().getSpec().setImage("sei:v3");
    snd.getMetadata().setGeneration(8L);
    DeploymentDecision.StartRollout second =
        (DeploymentDecision.StartRollout) planner.decide(snd, Optional.empty());
    snd.getStatus().withPlan(second.plan()).withDeployment(second.deployment());
    snd.getSpec().getTemplate().getSpec().setImage("sei:v4");
    snd.getMetadata().setGeneration(9L);

    DeploymentDecision.StartRollout third =
        (DeploymentDecision.StartRollout) planner.decide(snd, Optional.empty());

    assertThat(third.deployment().getStaleNodes())
        .containsExactly("rpc-g7-0", "rpc-g7-1", "rpc-g8-0", "rpc-g8-1");
    assertThat(
            TaskCodec.decode(third.plan().getTasks().get(4), TeardownNodesParams.class).nodeNames())
        .containsExactly("rpc-0", "rpc-1", "rpc-g7-0", "rpc-g7-1", "rpc-g8-0", "rpc-g8-1");
  }

  @Test
  void aRolloutFailingAfterItsTrafficSwitchKeepsTheServingEntrantsAsIncumbents() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.BlueGreen);
    DeploymentDecision.StartRollout first = switched(snd);
    first.plan().setPhase(PlanPhase.Failed);

    DeploymentDecision.FinishRollout finish =
        (DeploymentDecision.FinishRollout) planner.decide(snd, Optional.empty());

    assertThat(finish.phase()).isEqualTo(DeploymentPhase.Degraded);
    assertThat(finish.templateHash()).isEqualTo(first.deployment().getEntrantRevision());
    assertThat(finish.incumbentNodes()).containsExactly("rpc-g7-0", "rpc-g7-1");
    assertThat(finish.deployment().orElseThrow().getStaleNodes())
        .as("the former incumbents, for the next rollout to tear down")
        .containsExactly("rpc-0", "rpc-1");
    snd.getStatus()
        .withPlan(null)
        .withTemplateHash(finish.templateHash())
        .withIncumbentNodes(finish.incumbentNodes())
        .withDeployment(finish.deployment().orElseThrow());
    assertThat(planner.decide(snd, Optional.of(IMAGE_V2)))
        .isInstanceOf(DeploymentDecision.NoChange.class);
  }

  @Test
  void inPlaceTemplateBackAtTheIncumbentsRollsTheNodesBackInPlace() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.InPlace);
    DeploymentDecision.StartRollout first = start(snd);
    snd.getStatus().withPlan(first.plan()).withDeployment(first.deployment());
    snd.getSpec().getTemplate().getSpec().setImage(IMAGE_V1);

    DeploymentDecision.StartRollout back =
        (DeploymentDecision.StartRollout) planner.decide(snd, Optional.of(IMAGE_V1));

    assertThat(order(back.plan())).isEqualTo("update-node-specs, await-nodes-updated");
    assertThat(back.deployment().getEntrantRevision()).isEqualTo(snd.getStatus().getTemplateHash());
  }

  @Test
  void completedRolloutPromotesTheEntrants() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.HardFork);
    DeploymentDecision.StartRollout start = start(snd);
    start.plan().setPhase(PlanPhase.Complete);
    snd.getStatus().withPlan(start.plan()).withDeployment(start.deployment());

    DeploymentDecision.FinishRollout finish =
        (DeploymentDecision.FinishRollout) planner.decide(snd, Optional.empty());

    assertThat(finish.outcome()).isEqualTo(PlanOutcome.COMPLETE);
    assertThat(finish.phase()).isEqualTo(DeploymentPhase.Ready);
    assertThat(finish.templateHash()).isEqualTo(start.deployment().getEntrantRevision());
    assertThat(finish.incumbentNodes()).containsExactly("rpc-g7-0", "rpc-g7-1");
    assertThat(finish.deployment()).isEmpty();
    assertThat(finish.condition().getReason()).isEqualTo(Conditions.REASON_ROLLOUT_COMPLETE);
    assertThat(finish.planClass()).isEqualTo("deployment:HardFork");
  }

  @Test
  void completedInPlaceRolloutKeepsTheNodes() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.InPlace);
    DeploymentDecision.StartRollout start = start(snd);
    start.plan().setPhase(PlanPhase.Complete);
    snd.getStatus().withPlan(start.plan()).withDeployment(start.deployment());

    DeploymentDecision.FinishRollout finish =
        (DeploymentDecision.FinishRollout) planner.decide(snd, Optional.empty());

    assertThat(finish.incumbentNodes()).containsExactly("rpc-0", "rpc-1");
  }

  @Test
  void failedRolloutDegradesKeepsIncumbentsAndWaitsForAnEdit() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.HardFork);
    DeploymentDecision.StartRollout start = start(snd);
    start.plan().setPhase(PlanPhase.Failed);
    start.plan().setFailedTaskIndex(1);
    start.plan().setFailedTaskDetail("node rpc-g7-0 Failed");
    snd.getStatus().withPlan(start.plan()).withDeployment(start.deployment());

    DeploymentDecision.FinishRollout finish =
        (DeploymentDecision.FinishRollout) planner.decide(snd, Optional.empty());

    assertThat(finish.phase()).isEqualTo(DeploymentPhase.Degraded);
    assertThat(finish.incumbentNodes()).containsExactly("rpc-0", "rpc-1");
    assertThat(finish.templateHash()).isEqualTo(snd.getStatus().getTemplateHash());
    assertThat(finish.deployment()).contains(start.deployment());
    assertThat(finish.condition().getMessage())
        .isEqualTo("task await-nodes-running (#1) failed: node rpc-g7-0 Failed");

    snd.getStatus().setPlan(null);
    assertThat(planner.decide(snd, Optional.of(IMAGE_V1)))
        .isInstanceOf(DeploymentDecision.NoChange.class);
  }

  @ParameterizedTest
  @CsvSource({"1, HardForkNeedsHaltHeight", "0, HardForkNeedsHaltHeight"})
  void hardForkNeedsAHaltHeightOfAtLeastTwo(long haltHeight, String reason) {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.HardFork);
    snd.getSpec().getUpdateStrategy().getHardFork().setHaltHeight(haltHeight);
    assertThat(planner.decide(snd, Optional.of(IMAGE_V1))).isEqualTo(invalid(reason, snd));
  }

  @Test
  void hardForkNeedsAnS3Source() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.HardFork);
    snd.getSpec().getTemplate().getSpec().getFullNode().setSnapshot(stateSync());
    assertThat(((DeploymentDecision.Invalid) planner.decide(snd, Optional.of(IMAGE_V1))).reason())
        .isEqualTo(DeploymentPlanner.REASON_HARD_FORK_NEEDS_S3);
  }

  @Test
  void hardForkNeedsTheIncumbentImage() {
    assertThat(
            ((DeploymentDecision.Invalid)
                    planner.decide(upgraded(UpdateStrategyType.HardFork), Optional.empty()))
                .reason())
        .isEqualTo(DeploymentPlanner.REASON_INCUMBENT_IMAGE_UNKNOWN);
  }

  @Test
  void unplannableTemplateIsInvalid() {
    SeiNodeDeployment snd = upgraded(UpdateStrategyType.InPlace);
    snd.getSpec().getTemplate().getSpec().setImage(null);
    assertThat(((DeploymentDecision.Invalid) planner.decide(snd, Optional.empty())).reason())
        .isEqualTo("IncompleteSpec");
  }

  @Test
  void groupWithoutStatusIsAdopted() {
    SeiNodeDeployment snd = group(UpdateStrategyType.InPlace, fullNode(null));
    snd.setStatus(null);
    assertThat(planner.decide(snd, Optional.empty())).isInstanceOf(DeploymentDecision.Adopt.class);
  }

  private static DeploymentDecision.Invalid invalid(String reason, SeiNodeDeployment snd) {
    return new DeploymentDecision.Invalid(
        reason,
        "updateStrategy.hardFork.haltHeight must be at least 2: entrants bootstrap to haltHeight-1");
  }
}
