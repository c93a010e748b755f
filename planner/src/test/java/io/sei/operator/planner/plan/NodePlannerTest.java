package io.sei.operator.planner.plan;

import static io.sei.operator.planner.Fixtures.IMAGE_V1;
import static io.sei.operator.planner.Fixtures.IMAGE_V2;
import static io.sei.operator.planner.Fixtures.NOW;
import static io.sei.operator.planner.Fixtures.clock;
import static io.sei.operator.planner.Fixtures.condition;
import static io.sei.operator.planner.Fixtures.fullNode;
import static io.sei.operator.planner.Fixtures.ids;
import static io.sei.operator.planner.Fixtures.node;
import static io.sei.operator.planner.Fixtures.retries;
import static io.sei.operator.planner.Fixtures.running;
import static io.sei.operator.planner.Fixtures.s3;
import static io.sei.operator.planner.Fixtures.stateSync;
import static io.sei.operator.planner.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.ArchiveSpec;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.PlanPhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.StateSyncSource;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.planner.Fixtures;
import io.sei.operator.planner.id.TaskIds;
import io.sei.operator.planner.task.AwaitBootstrapCompleteParams;
import io.sei.operator.planner.task.ConfigApplyParams;
import io.sei.operator.planner.task.DeployBootstrapJobParams;
import io.sei.operator.planner.task.NodeMode;
import io.sei.operator.planner.task.SnapshotRestoreParams;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NodePlannerTest {
  private final NodePlanner planner = new NodePlanner(clock(), ids(), retries());

  private NodePlanDecision.StartPlan start(SeiNode node) {
    return (NodePlanDecision.StartPlan) planner.decide(node);
  }

  @Test
  void initPlanTasksArePendingWithDeterministicIdsAndBudgets() {
    TaskPlan plan = start(node(fullNode(s3(99)))).plan();
    assertThat(plan.getId()).isEqualTo("plan-1");
    assertThat(plan.getPhase()).isEqualTo(PlanPhase.Active);
    assertThat(plan.getStartedAt()).isEqualTo("2025-01-01T12:00:00Z");
    assertThat(plan.getTasks()).allMatch(t -> t.getStatus() == TaskStatus.Pending);
    assertThat(plan.getTasks().get(0).getId())
        .isEqualTo(TaskIds.taskId("plan-1", "ensure-data-pvc", 0));
    assertThat(plan.getTasks())
        .filteredOn(t -> t.getType().equals("configure-genesis"))
        .allMatch(t -> t.getMaxRetries() == 180);
  }

  @Test
  void bootstrapJobRunsTheBootstrapImageToTheTargetHeight() throws Exception {
    TaskPlan plan = start(node(fullNode(Fixtures.bootstrap("sei:old", 4242)))).plan();
    assertThat(paramsOf(plan, "deploy-bootstrap-job"))
        .isEqualTo(new DeployBootstrapJobParams("sei:old", 4242));
  }

  @Test
  void aBootstrapWithoutAnUpgradeRestoresUpToItsHeightAndHaltsThere() throws Exception {
    TaskPlan plan = start(node(fullNode(Fixtures.bootstrap("sei:old", 4242)))).plan();
    assertThat(paramsOf(plan, "snapshot-restore")).isEqualTo(new SnapshotRestoreParams(4242));
    assertThat(paramsOf(plan, "await-bootstrap-complete"))
        .isEqualTo(AwaitBootstrapCompleteParams.halting());
  }

  @Test
  void aBootstrapIntoAnUpgradeRestoresBelowItsHeightAndAwaitsTheUpgradesStop() throws Exception {
    SnapshotSource snapshot = Fixtures.bootstrap("sei:old", 4242);
    snapshot.getS3().setUpgradeName("v2");
    TaskPlan plan = start(node(fullNode(snapshot))).plan();
    assertThat(paramsOf(plan, "snapshot-restore")).isEqualTo(new SnapshotRestoreParams(4241));
    assertThat(paramsOf(plan, "deploy-bootstrap-job"))
        .isEqualTo(new DeployBootstrapJobParams("sei:old", 4242));
    assertThat(paramsOf(plan, "await-bootstrap-complete"))
        .isEqualTo(new AwaitBootstrapCompleteParams("v2", 4242));
  }

  @Test
  void configApplyCarriesStaticAddressesAndLabelSelectorsForTheOperatorToResolve()
      throws Exception {
    SeiNodeSpec spec =
        fullNode(null)
            .withPeers(
                List.of(
                    Fixtures.staticPeers("a@h:1").get(0),
                    Fixtures.labelPeers(Map.of("role", "rpc"), null),
                    Fixtures.labelPeers(Map.of("role", "val"), "other")));
    TaskPlan plan = start(node(spec)).plan();
    assertThat(paramsOf(plan, "config-apply"))
        .isEqualTo(
            new ConfigApplyParams(
                NodeMode.FULL_NODE,
                Map.of(),
                List.of("a@h:1"),
                List.of(
                    new ConfigApplyParams.PeerSelector(Map.of("role", "rpc"), "chain"),
                    new ConfigApplyParams.PeerSelector(Map.of("role", "val"), "other"))));
  }

  @Test
  void aValidatorChecksTenBlocksForItsOwnSignatureBeforeSigningUnlessItsSpecSaysOtherwise()
      throws Exception {
    ConfigApplyParams defaulted =
        (ConfigApplyParams) paramsOf(start(node(Fixtures.validator("k"))).plan(), "config-apply");
    assertThat(defaulted.overrides())
        .containsExactly(Map.entry(ConfigApplyParams.DOUBLE_SIGN_CHECK_HEIGHT, "10"));
    SeiNodeSpec own =
        Fixtures.validator("k")
            .withOverrides(Map.of(ConfigApplyParams.DOUBLE_SIGN_CHECK_HEIGHT, "0"));
    assertThat(((ConfigApplyParams) paramsOf(start(node(own)).plan(), "config-apply")).overrides())
        .containsExactly(Map.entry(ConfigApplyParams.DOUBLE_SIGN_CHECK_HEIGHT, "0"));
    assertThat(
            ((ConfigApplyParams) paramsOf(start(node(fullNode(null))).plan(), "config-apply"))
                .overrides())
        .as("only validators sign")
        .isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of(fullNode(null).withImage(" "), NodeSpecCheck.REASON_INCOMPLETE_SPEC),
        Arguments.of(
            Fixtures.spec().withChainId(null).withArchive(new ArchiveSpec()),
            NodeSpecCheck.REASON_INCOMPLETE_SPEC),
        Arguments.of(Fixtures.spec(), NodeSpecCheck.REASON_NO_SINGLE_MODE),
        Arguments.of(
            fullNode(null).withArchive(new ArchiveSpec()), NodeSpecCheck.REASON_NO_SINGLE_MODE),
        Arguments.of(
            fullNode(stateSync().withBootstrapImage("sei:old")),
            NodeSpecCheck.REASON_BOOTSTRAP_NEEDS_S3),
        Arguments.of(
            fullNode(Fixtures.bootstrap("sei:old", 0)),
            NodeSpecCheck.REASON_BOOTSTRAP_NEEDS_TARGET_HEIGHT),
        Arguments.of(
            fullNode(s3(5).withStateSync(new StateSyncSource())),
            NodeSpecCheck.REASON_NO_SINGLE_SNAPSHOT_SOURCE),
        Arguments.of(
            fullNode(new SnapshotSource()), NodeSpecCheck.REASON_NO_SINGLE_SNAPSHOT_SOURCE),
        Arguments.of(
            fullNode(null).withPeers(List.of(new PeerSource())),
            NodeSpecCheck.REASON_INVALID_PEERS),
        Arguments.of(
            fullNode(null).withPeers(List.of(Fixtures.labelPeers(Map.of(), null))),
            NodeSpecCheck.REASON_INVALID_PEERS));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void unplannableSpecIsAValidationResult(SeiNodeSpec spec, String reason) {
    NodePlanDecision decision = planner.decide(node(spec));
    assertThat(decision).isInstanceOf(NodePlanDecision.Invalid.class);
    NodePlanDecision.Invalid invalid = (NodePlanDecision.Invalid) decision;
    assertThat(invalid.reason()).isEqualTo(reason);
    assertThat(invalid.message()).isNotBlank();
  }

  @Test
  void initializingNodeWithoutAPlanIsPlannedAgain() {
    SeiNode node = node(fullNode(null));
    node.getStatus().setPhase(NodePhase.Initializing);
    assertThat(start(node).planClass()).isEqualTo(PlanClassifier.INIT);
  }

  @ParameterizedTest
  @EnumSource(
      value = NodePhase.class,
      names = {"Failed", "Terminating"})
  void failedAndTerminatingNodesGetNoPlan(NodePhase phase) {
    SeiNode node = node(fullNode(null));
    node.getStatus().setPhase(phase);
    assertThat(planner.decide(node)).isInstanceOf(NodePlanDecision.NoChange.class);
  }

  @Test
  void aFailedNodeIsPlannedAgainOnlyOnceItsSpecChanged() throws Exception {
    SeiNode node = node(fullNode(s3(10)).withImage(IMAGE_V1));
    Condition failed =
        Fixtures.condition(
            Conditions.INITIALIZED, Conditions.FALSE, Conditions.REASON_INIT_FAILED, "t");
    failed.setObservedGeneration(3L);
    node.getStatus().withPhase(NodePhase.Failed).withConditions(List.of(failed));
    assertThat(planner.decide(node))
        .as("the same spec would fail the same way")
        .isInstanceOf(NodePlanDecision.NoChange.class);

    node.getMetadata().setGeneration(4L);
    NodePlanDecision.StartPlan again = (NodePlanDecision.StartPlan) planner.decide(node);

    assertThat(again.phase()).isEqualTo(NodePhase.Initializing);
    assertThat(again.planClass()).isEqualTo(PlanClassifier.INIT);
    assertThat(again.plan().getTasks().get(0).getType())
        .as("a bootstrap Job left by the failed attempt goes first")
        .isEqualTo("teardown-bootstrap");
    assertThat(again.plan().getFailedPhase()).isEqualTo("Failed");
  }

  @Test
  void runningNodeWithoutDriftGetsNoPlan() {
    assertThat(planner.decide(running(validator("k"), IMAGE_V1, "k")))
        .isEqualTo(NodePlanDecision.NoChange.because("no drift"));
  }

  @Test
  void nodeWithoutStatusIsPending() {
    SeiNode node = node(fullNode(null));
    node.setStatus(null);
    assertThat(start(node).planClass()).isEqualTo(PlanClassifier.INIT);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"False, NotReady, mark-ready", "True, Ready, -", "Unknown, NotReady, -", "-, -, -"})
  void sidecarNotReadyWithoutDriftGetsOneMarkReadyPlan(
      String status, String reason, String expected) {
    SeiNode node = running(fullNode(null), IMAGE_V1, null);
    if (status != null) {
      node.getStatus()
          .setConditions(List.of(condition(Conditions.SIDECAR_READY, status, reason, "x")));
    }
    NodePlanDecision decision = planner.decide(node);
    if (expected == null) {
      assertThat(decision).isInstanceOf(NodePlanDecision.NoChange.class);
    } else {
      NodePlanDecision.StartPlan start = (NodePlanDecision.StartPlan) decision;
      assertThat(PlanShapes.order(start.plan())).isEqualTo(expected);
      assertThat(start.planClass()).isEqualTo(PlanClassifier.MARK_READY_REAPPLY);
      assertThat(start.plan().getFailedPhase()).isNull();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true  | false | UpdateStarted | image sei:v1 -> sei:v2",
        "false | true  | SigningKeyUpdateStarted | signing key Secret val-key",
        "true  | true  | UpdateAndSigningKeyUpdateStarted | image sei:v1 -> sei:v2; signing key Secret val-key"
      })
  void nodeUpdateConditionNamesTheDrift(boolean image, boolean key, String reason, String message) {
    SeiNode node =
        running(
            validator("val-key").withImage(image ? IMAGE_V2 : IMAGE_V1),
            IMAGE_V1,
            key ? null : "val-key");
    NodePlanDecision.StartPlan start = start(node);
    assertThat(start.conditions()).hasSize(1);
    Condition condition = start.conditions().get(0);
    assertThat(condition.getType()).isEqualTo(Conditions.NODE_UPDATE_IN_PROGRESS);
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getReason()).isEqualTo(reason);
    assertThat(condition.getMessage()).isEqualTo(message);
    assertThat(condition.getObservedGeneration()).isEqualTo(3L);
    assertThat(condition.getLastTransitionTime()).isEqualTo("2025-01-01T12:00:00Z");
  }

  @Test
  void firstImageStampIsShownAsNone() {
    NodePlanDecision.StartPlan start = start(running(fullNode(null), null, null));
    assertThat(start.conditions().get(0).getMessage()).isEqualTo("image <none> -> sei:v1");
  }

  @Test
  void activePlanIsNeverReplacedEvenWhenDriftChangesMidFlight() {
    SeiNode node = running(fullNode(null).withImage(IMAGE_V2), IMAGE_V1, null);
    TaskPlan plan = start(node).plan();
    plan.getTasks().get(0).setStatus(TaskStatus.Complete);
    plan.getTasks().get(1).setStatus(TaskStatus.Running);
    node.getStatus().setPlan(plan);
    node.getSpec().setImage("sei:v3");

    NodePlanDecision decision = planner.decide(node);

    assertThat(decision).isEqualTo(NodePlanDecision.NoChange.because("plan plan-1 is active"));
    assertThat(node.getStatus().getPlan()).isSameAs(plan);
  }

  @Test
  void observerStampsMidFlightKeepThePlanAndLeaveNothingToDoAfterIt() {
    SeiNode node = running(validator("k").withImage(IMAGE_V2), IMAGE_V1, null);
    TaskPlan plan = start(node).plan();
    node.getStatus().setPlan(plan);
    node.getStatus().withCurrentImage(IMAGE_V2).withSigningKeyMountedSecret("k");
    assertThat(planner.decide(node)).isInstanceOf(NodePlanDecision.NoChange.class);

    node.getStatus().setPlan(null);
    assertThat(planner.decide(node)).isEqualTo(NodePlanDecision.NoChange.because("no drift"));
  }

  @Test
  void samePlanIdGivesTheSameTasks() throws Exception {
    SeiNode node = running(validator("k").withImage(IMAGE_V2), IMAGE_V1, null);
    NodePlanner again = new NodePlanner(clock(), () -> "fixed", retries());
    assertThat(json(again.buildNodeUpdatePlan(node, true, true).plan()))
        .isEqualTo(json(again.buildNodeUpdatePlan(node, true, true).plan()));
  }

  private static TaskPlan terminal(TaskPlan plan, PlanPhase phase) {
    plan.setPhase(phase);
    plan.setStartedAt("2025-01-01T11:59:00Z");
    return plan;
  }

  @Test
  void handEditedUnknownTargetPhaseFinishesThePlanWithoutAPhaseInsteadOfThrowing() {
    SeiNode node = running(fullNode(null).withImage(IMAGE_V2), IMAGE_V1, null);
    TaskPlan plan = terminal(start(node).plan(), PlanPhase.Complete);
    plan.setTargetPhase("Sleeping");
    node.getStatus().setPlan(plan);

    NodePlanDecision.FinishPlan finish = (NodePlanDecision.FinishPlan) planner.decide(node);

    assertThat(finish.phase()).isEmpty();
  }

  @Test
  void runningNodeWhoseImageWasBlankedIsAValidationResultNotAnException() {
    SeiNode node = running(fullNode(null).withImage(""), IMAGE_V1, null);

    NodePlanDecision decision = planner.decide(node);

    assertThat(decision).isInstanceOf(NodePlanDecision.Invalid.class);
    assertThat(((NodePlanDecision.Invalid) decision).reason())
        .isEqualTo(NodeSpecCheck.REASON_INCOMPLETE_SPEC);
  }

  @Test
  void completedNodeUpdateClearsWithUpdateComplete() {
    SeiNode node = running(fullNode(null).withImage(IMAGE_V2), IMAGE_V1, null);
    node.getStatus().setPlan(terminal(start(node).plan(), PlanPhase.Complete));

    NodePlanDecision.FinishPlan finish = (NodePlanDecision.FinishPlan) planner.decide(node);

    assertThat(finish.outcome()).isEqualTo(PlanOutcome.COMPLETE);
    assertThat(finish.planClass()).isEqualTo(PlanClassifier.NODE_UPDATE_IMAGE);
    assertThat(finish.duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(finish.phase()).contains(NodePhase.Running);
    assertThat(finish.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_UPDATE_COMPLETE);
            });
    assertThat(finish.currentImage()).isEmpty();
  }

  @Test
  void failedNodeUpdateKeepsThePhaseAndNamesTheFailedTask() {
    SeiNode node = running(validator("k"), IMAGE_V1, null);
    TaskPlan plan = terminal(start(node).plan(), PlanPhase.Failed);
    plan.getTasks().get(0).withStatus(TaskStatus.Failed).setError("secret k not found");
    plan.setFailedTaskIndex(0);
    node.getStatus().setPlan(plan);

    NodePlanDecision.FinishPlan finish = (NodePlanDecision.FinishPlan) planner.decide(node);

    assertThat(finish.outcome()).isEqualTo(PlanOutcome.FAILED);
    assertThat(finish.phase()).isEmpty();
    assertThat(finish.conditions().get(0).getReason()).isEqualTo(Conditions.REASON_UPDATE_FAILED);
    assertThat(finish.conditions().get(0).getMessage())
        .isEqualTo("task validate-signing-key (#0) failed: secret k not found");
  }

  @Test
  void failureDetailOfThePlanWinsOverTheTaskError() {
    TaskPlan plan = new TaskPlan().withFailedTaskDetail("pod crash-looped").withTasks(List.of());
    assertThat(NodeConditions.failureMessage(plan)).isEqualTo("a task failed: pod crash-looped");
  }

  @Test
  void failureWithoutIndexNamesTheFirstTaskWithAnError() {
    SeiNode node = running(validator("k"), IMAGE_V1, null);
    TaskPlan plan = start(node).plan();
    plan.getTasks().get(3).setError("boom");
    assertThat(NodeConditions.failureMessage(plan))
        .isEqualTo("task apply-statefulset (#3) failed: boom");
  }

  @Test
  void failureWithoutAnyErrorSaysSo() {
    assertThat(NodeConditions.failureMessage(new TaskPlan()))
        .isEqualTo("a task failed: no error recorded");
  }

  @Test
  void completedInitEntersRunningAndStampsWhatItDeployed() {
    SeiNode node = node(validator("val-key"));
    node.getStatus().setPlan(terminal(start(node).plan(), PlanPhase.Complete));

    NodePlanDecision.FinishPlan finish = (NodePlanDecision.FinishPlan) planner.decide(node);

    assertThat(finish.planClass()).isEqualTo(PlanClassifier.INIT);
    assertThat(finish.phase()).contains(NodePhase.Running);
    assertThat(finish.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo(Conditions.INITIALIZED);
              assertThat(c.getStatus()).isEqualTo(Conditions.TRUE);
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_INIT_COMPLETE);
            });
    assertThat(finish.currentImage()).contains(IMAGE_V1);
    assertThat(finish.signingKeyMountedSecret()).contains("val-key");
  }

  @Test
  void failedInitEntersFailedAndStampsNothing() {
    SeiNode node = node(fullNode(Fixtures.bootstrap("sei:old", 9)));
    TaskPlan plan = terminal(start(node).plan(), PlanPhase.Failed);
    plan.setFailedTaskIndex(3);
    plan.setFailedTaskDetail("no snapshot at or below height 8");
    node.getStatus().setPlan(plan);

    NodePlanDecision.FinishPlan finish = (NodePlanDecision.FinishPlan) planner.decide(node);

    assertThat(finish.planClass()).isEqualTo(PlanClassifier.BOOTSTRAP);
    assertThat(finish.phase()).contains(NodePhase.Failed);
    assertThat(finish.currentImage()).isEmpty();
    assertThat(finish.conditions())
        .as("the reason outlives the plan, which is cleared")
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo(Conditions.INITIALIZED);
              assertThat(c.getStatus()).isEqualTo(Conditions.FALSE);
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_INIT_FAILED);
              assertThat(c.getMessage())
                  .isEqualTo(
                      "task "
                          + plan.getTasks().get(3).getType()
                          + " (#3) failed: no snapshot at or below height 8");
            });
  }

  @Test
  void undecodableStoredTaskStampsNothing() {
    SeiNode node = node(fullNode(null));
    TaskPlan plan = terminal(start(node).plan(), PlanPhase.Complete);
    plan.getTasks().stream()
        .filter(t -> t.getType().equals("apply-statefulset"))
        .forEach(t -> t.setParams(null));
    node.getStatus().setPlan(plan);

    NodePlanDecision.FinishPlan finish = (NodePlanDecision.FinishPlan) planner.decide(node);

    assertThat(finish.currentImage()).isEmpty();
  }

  @Test
  void unreadableStartTimeGivesZeroDuration() {
    SeiNode node = running(fullNode(null), IMAGE_V1, null);
    node.getStatus()
        .setPlan(
            new TaskPlan()
                .withId("p")
                .withPhase(PlanPhase.Complete)
                .withTasks(List.of())
                .withStartedAt("yesterday"));
    assertThat(((NodePlanDecision.FinishPlan) planner.decide(node)).duration())
        .isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @CsvSource({"10, true", "29, true", "30, false", "45, false"})
  void failedNodeUpdateIsRetriedAfterTheCooldown(long secondsAgo, boolean waiting) {
    SeiNode node = running(fullNode(null).withImage(IMAGE_V2), IMAGE_V1, null);
    String failedAt = Timestamps.format(NOW.minusSeconds(secondsAgo));
    node.getStatus()
        .setConditions(
            List.of(
                condition(
                    Conditions.NODE_UPDATE_IN_PROGRESS,
                    "False",
                    Conditions.REASON_UPDATE_FAILED,
                    failedAt)));

    NodePlanDecision decision = planner.decide(node);

    if (waiting) {
      assertThat(((NodePlanDecision.NoChange) decision).requeueAfter())
          .contains(Duration.ofSeconds(30 - secondsAgo));
    } else {
      assertThat(decision).isInstanceOf(NodePlanDecision.StartPlan.class);
    }
  }

  @ParameterizedTest
  @CsvSource({"10, true", "29, true", "30, false"})
  void aFailedMarkReadyReapplyIsRetriedAfterTheCooldownAsReapplying(
      long secondsAgo, boolean waiting) {
    SeiNode node = running(fullNode(null), IMAGE_V1, null);
    node.getStatus()
        .setConditions(
            List.of(
                condition(
                    Conditions.SIDECAR_READY,
                    "False",
                    Conditions.REASON_MARK_READY_FAILED,
                    Timestamps.format(NOW.minusSeconds(secondsAgo)))));

    NodePlanDecision decision = planner.decide(node);

    if (waiting) {
      assertThat(((NodePlanDecision.NoChange) decision).requeueAfter())
          .contains(Duration.ofSeconds(30 - secondsAgo));
    } else {
      NodePlanDecision.StartPlan start = (NodePlanDecision.StartPlan) decision;
      assertThat(start.planClass()).isEqualTo(PlanClassifier.MARK_READY_REAPPLY);
      assertThat(start.conditions())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.getType()).isEqualTo(Conditions.SIDECAR_READY);
                assertThat(c.getStatus()).isEqualTo("Unknown");
                assertThat(c.getReason()).isEqualTo(Conditions.REASON_MARK_READY_REAPPLYING);
              });
    }
  }

  @Test
  void aFailedMarkReadyReapplyTurnsSidecarReadyFalseSayingWhy() {
    SeiNode node = running(fullNode(null), IMAGE_V1, null);
    TaskPlan plan = ((NodePlanDecision.StartPlan) markReadyStart(node)).plan();
    plan.setPhase(PlanPhase.Failed);
    plan.setFailedTaskIndex(0);
    plan.getTasks().get(0).setError("sidecar task mark-ready failed: boom");
    node.getStatus().setPlan(plan);

    NodePlanDecision.FinishPlan finish = (NodePlanDecision.FinishPlan) planner.decide(node);

    assertThat(finish.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo(Conditions.SIDECAR_READY);
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo(Conditions.REASON_MARK_READY_FAILED);
              assertThat(c.getMessage())
                  .isEqualTo(
                      "task mark-ready (#0) failed: sidecar task mark-ready failed: boom;"
                          + " mark-ready is re-applied after 30 s");
            });
    assertThat(finish.phase()).isEmpty();
  }

  private NodePlanDecision markReadyStart(SeiNode node) {
    node.getStatus()
        .setConditions(
            List.of(
                condition(
                    Conditions.SIDECAR_READY, "False", Conditions.REASON_SIDECAR_NOT_READY, "x")));
    return planner.decide(node);
  }

  @Test
  void completedUpdateDoesNotDelayTheNextOne() {
    SeiNode node = running(fullNode(null).withImage(IMAGE_V2), IMAGE_V1, null);
    node.getStatus()
        .setConditions(
            List.of(
                condition(
                    Conditions.NODE_UPDATE_IN_PROGRESS,
                    "False",
                    Conditions.REASON_UPDATE_COMPLETE,
                    Timestamps.format(NOW))));
    assertThat(planner.decide(node)).isInstanceOf(NodePlanDecision.StartPlan.class);
  }

  private static TaskParams paramsOf(TaskPlan plan, String type) throws Exception {
    return TaskCodec.decode(
        plan.getTasks().stream().filter(t -> t.getType().equals(type)).findFirst().orElseThrow());
  }

  /** A plan as JSON text, for comparing plans by value. */
  private static String json(TaskPlan plan) throws Exception {
    return new ObjectMapper().writeValueAsString(plan);
  }
}
