package io.sei.operator.planner;

import static io.sei.operator.planner.Fixtures.IMAGE_V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.api.ArchiveSpec;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.StateSyncSource;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.planner.deploy.DeploymentDecision;
import io.sei.operator.planner.deploy.DeploymentPlanner;
import io.sei.operator.planner.deploy.TemplateHash;
import io.sei.operator.planner.id.IdSource;
import io.sei.operator.planner.plan.NodePlanDecision;
import io.sei.operator.planner.plan.NodePlanner;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every plan the planner writes survives the status JSON and decodes task by task. */
class PlanJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> everyPlanShape() {
    NodePlanner nodes = new NodePlanner(Fixtures.clock(), Fixtures.ids(), Fixtures.retries());
    DeploymentPlanner groups =
        new DeploymentPlanner(Fixtures.clock(), Fixtures.ids(), Fixtures.retries());
    List<Arguments> plans = new ArrayList<>();
    Stream.concat(
            io.sei.operator.planner.plan.PlanShapes.initShapes(),
            io.sei.operator.planner.plan.PlanShapes.updateShapes())
        .forEach(
            a ->
                plans.add(
                    Arguments.of(
                        a.get()[0],
                        ((NodePlanDecision.StartPlan) nodes.decide((SeiNode) a.get()[1])).plan())));
    for (UpdateStrategyType type : UpdateStrategyType.values()) {
      SeiNodeDeployment snd = Fixtures.group(type, Fixtures.fullNode(Fixtures.s3(10)));
      snd.getStatus().withTemplateHash("old").withIncumbentNodes(List.of("rpc-0"));
      plans.add(
          Arguments.of(
              type.name(),
              ((DeploymentDecision.StartRollout) groups.decide(snd, Optional.of(IMAGE_V1)))
                  .plan()));
    }
    return plans.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPlanShape")
  void planRoundTripsThroughJsonAndEveryTaskDecodes(String name, TaskPlan plan) throws Exception {
    String stored = JSON.writeValueAsString(plan);
    TaskPlan read = JSON.readValue(stored, TaskPlan.class);

    assertThat(JSON.writeValueAsString(read)).isEqualTo(stored);
    for (PlannedTask task : read.getTasks()) {
      TaskParams params = TaskCodec.decode(task);
      assertThat(params.type().wireName()).isEqualTo(task.getType());
      assertThat(TaskCodec.encode(params).toString()).isEqualTo(task.getParams().toString());
    }
  }

  @Test
  void randomSpecsGivePlansWithUniqueIdsAndDecodableParams() throws Exception {
    Random random = new Random(20250101L);
    IdSource planIds = Fixtures.ids();
    NodePlanner nodes = new NodePlanner(Fixtures.clock(), planIds, Fixtures.retries());
    DeploymentPlanner groups = new DeploymentPlanner(Fixtures.clock(), planIds, Fixtures.retries());
    Set<String> ids = new HashSet<>();
    int plans = 0;
    for (int round = 0; round < 400; round++) {
      SeiNodeSpec spec = randomSpec(random);
      SeiNode node = Fixtures.node(spec);
      if (random.nextBoolean()) {
        node.getStatus()
            .withPhase(NodePhase.Running)
            .withCurrentImage(random.nextBoolean() ? spec.getImage() : "sei:old")
            .withSigningKeyMountedSecret(random.nextBoolean() ? null : "key-" + random.nextInt(2));
      }
      List<TaskPlan> produced = new ArrayList<>();
      if (nodes.decide(node) instanceof NodePlanDecision.StartPlan start) {
        produced.add(start.plan());
      }
      SeiNodeDeployment snd =
          Fixtures.group(
              UpdateStrategyType.values()[random.nextInt(3)],
              Fixtures.fullNode(Fixtures.s3(1 + random.nextInt(50))));
      snd.getStatus().withTemplateHash("old").withIncumbentNodes(List.of("rpc-0"));
      if (groups.decide(snd, Optional.of(IMAGE_V1))
          instanceof DeploymentDecision.StartRollout start) {
        produced.add(start.plan());
      }
      for (TaskPlan plan : produced) {
        plans++;
        assertThat(ids.add(plan.getId())).as("plan id %s is new", plan.getId()).isTrue();
        for (PlannedTask task : plan.getTasks()) {
          assertThat(ids.add(task.getId())).as("task id %s is new", task.getId()).isTrue();
          assertThat(TaskCodec.encode(TaskCodec.decode(task)).toString())
              .isEqualTo(task.getParams().toString());
        }
      }
    }
    assertThat(plans).isGreaterThan(400);
  }

  private static SeiNodeSpec randomSpec(Random random) {
    SeiNodeSpec spec =
        new SeiNodeSpec()
            .withChainId("chain-" + random.nextInt(3))
            .withImage("sei:v" + random.nextInt(3));
    SnapshotSource snapshot = randomSnapshot(random);
    switch (random.nextInt(3)) {
      case 0 -> spec.withFullNode(new FullNodeSpec().withSnapshot(snapshot));
      case 1 -> spec.withArchive(new ArchiveSpec());
      default -> {
        ValidatorSpec validator = new ValidatorSpec().withSnapshot(snapshot);
        if (random.nextBoolean()) {
          String key = "key-" + random.nextInt(2);
          validator.withSigningKey(Fixtures.key(key)).withNodeKey(Fixtures.key(key + "-node"));
        }
        spec.withValidator(validator);
      }
    }
    if (random.nextBoolean()) {
      List<PeerSource> peers = new ArrayList<>(Fixtures.staticPeers("id@h:" + random.nextInt(9)));
      peers.add(Fixtures.labelPeers(Map.of("role", "r" + random.nextInt(3)), null));
      spec.withPeers(peers);
    }
    if (random.nextBoolean()) {
      spec.withOverrides(Map.of("k" + random.nextInt(5), "v"));
    }
    return spec;
  }

  private static SnapshotSource randomSnapshot(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return null;
      case 1:
        return new SnapshotSource()
            .withStateSync(new StateSyncSource())
            .withBackfillBlocks((long) random.nextInt(100));
      case 2:
        return new SnapshotSource()
            .withS3(new S3Snapshot().withTargetHeight((long) random.nextInt(1000)));
      default:
        return new SnapshotSource()
            .withS3(new S3Snapshot().withTargetHeight(1L + random.nextInt(1000)))
            .withBootstrapImage("sei:boot");
    }
  }

  @Test
  void hashOfARandomTemplateIsStableAcrossCopies() {
    SeiNodeSpec spec = Fixtures.validator("k");
    SeiNodeSpec copy = JSON.convertValue(JSON.valueToTree(spec), SeiNodeSpec.class);
    assertThat(TemplateHash.of(copy)).isEqualTo(TemplateHash.of(spec));
  }
}
