package io.sei.operator.planner.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.api.PlannedTask;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TaskCatalogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "ensure-data-pvc, KUBERNETES, 0",
    "validate-signing-key, KUBERNETES, 0",
    "validate-node-key, KUBERNETES, 0",
    "apply-rbac-proxy-config, KUBERNETES, 0",
    "apply-statefulset, KUBERNETES, 0",
    "apply-service, KUBERNETES, 0",
    "replace-pod, KUBERNETES, 3",
    "observe-image, KUBERNETES, 0",
    "observe-signing-key, KUBERNETES, 0",
    "deploy-bootstrap-service, KUBERNETES, 0",
    "deploy-bootstrap-job, KUBERNETES, 0",
    "await-bootstrap-complete, KUBERNETES, 0",
    "teardown-bootstrap, KUBERNETES, 0",
    "snapshot-restore, SIDECAR, 0",
    "configure-genesis, SIDECAR, 180",
    "config-apply, SIDECAR, 0",
    "configure-state-sync, SIDECAR, 0",
    "config-validate, SIDECAR, 0",
    "mark-ready, SIDECAR, 0",
    "create-entrant-nodes, GROUP, 0",
    "await-nodes-running, GROUP, 0",
    "await-nodes-caught-up, GROUP, 0",
    "switch-traffic, GROUP, 0",
    "teardown-nodes, GROUP, 0",
    "hand-over-validator-keys, GROUP, 0",
    "update-node-specs, GROUP, 0",
    "await-nodes-updated, GROUP, 0"
  })
  void catalogHasEverySpecTaskWithItsSideAndBudget(String name, TaskSide side, int budget) {
    TaskType type = TaskType.fromWireName(name).orElseThrow();
    assertThat(type.side()).isEqualTo(side);
    assertThat(type.defaultMaxRetries()).isEqualTo(budget);
    assertThat(type.toString()).isEqualTo(name);
  }

  @Test
  void catalogHasNoTaskBeyondTheDocumentedOnes() {
    assertThat(TaskType.values()).hasSize(27);
    assertThat(TaskType.fromWireName("discover-peers")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TaskType.class)
  void paramsRecordIsNamedAfterTheWireName(TaskType type) {
    String pascal =
        Arrays.stream(type.wireName().split("-"))
            .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
            .collect(Collectors.joining());
    assertThat(type.paramsClass().getSimpleName()).isEqualTo(pascal + "Params");
  }

  @ParameterizedTest
  @MethodSource("io.sei.operator.planner.task.SampleParams#all")
  void paramsRoundTripThroughPlanJson(TaskParams params) throws Exception {
    PlannedTask task =
        new PlannedTask().withType(params.type().wireName()).withParams(TaskCodec.encode(params));
    PlannedTask stored = JSON.readValue(JSON.writeValueAsString(task), PlannedTask.class);
    assertThat(TaskCodec.decode(stored)).isEqualTo(params);
  }

  @Test
  void samplesCoverEveryTaskType() {
    assertThat(SampleParams.all().map(TaskParams::type))
        .containsExactlyInAnyOrder(TaskType.values());
  }

  static Stream<Arguments> sidecarWireShapes() {
    return Stream.of(
        Arguments.of(new SnapshotRestoreParams(99), "{\"targetHeight\":99}"),
        Arguments.of(new ConfigureGenesisParams(), "{}"),
        Arguments.of(
            new ConfigureStateSyncParams("168h", 500, true),
            "{\"trustPeriod\":\"168h\",\"backfillBlocks\":500,\"useLocalSnapshot\":true}"),
        Arguments.of(
            new ConfigureStateSyncParams(null, 0, false),
            "{\"backfillBlocks\":0,\"useLocalSnapshot\":false}"),
        Arguments.of(new ConfigValidateParams(), "{}"),
        Arguments.of(new MarkReadyParams(), "{}"));
  }

  @ParameterizedTest
  @MethodSource("sidecarWireShapes")
  void sidecarParamsKeepTheSimulatorWireShape(TaskParams params, String json) {
    assertThat(TaskCodec.encode(params).toString()).isEqualTo(json);
  }

  @Test
  void unknownTypeIsATerminalUnknownTypeError() {
    assertThatThrownBy(() -> TaskCodec.decode("halt-node", JSON.createObjectNode()))
        .isInstanceOfSatisfying(
            InvalidTaskException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InvalidTaskException.Kind.UNKNOWN_TYPE);
              assertThat(e.taskType()).isEqualTo("halt-node");
              assertThat(e.isTerminal()).isTrue();
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "snapshot-restore | {\"targetHeight\":\"high\"}",
        "snapshot-restore | {}",
        "snapshot-restore | {\"targetHeight\":-1}",
        "config-apply | {\"mode\":\"miner\"}",
        "config-apply | {\"overrides\":{}}",
        "config-apply | {\"mode\":\"full\",\"staticPeers\":\"id@host:1\"}",
        "deploy-bootstrap-job | {\"image\":\"sei:v1\"}",
        "observe-image | {\"image\":\"\"}",
        "create-entrant-nodes | {\"groupName\":\"g\",\"namespace\":\"n\",\"entrantRevision\":\"r\"}",
        "validate-signing-key | []"
      })
  void malformedParamsAreATerminalMalformedParamsError(String type, String params)
      throws Exception {
    JsonNode json = JSON.readTree(params);
    assertThatThrownBy(() -> TaskCodec.decode(type, json))
        .isInstanceOfSatisfying(
            InvalidTaskException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InvalidTaskException.Kind.MALFORMED_PARAMS);
              assertThat(e.getMessage()).startsWith("malformed params for task " + type);
              assertThat(e.isTerminal()).isTrue();
            });
  }

  @Test
  void missingParamsOfAnEmptyRecordDecodeAsEmpty() throws Exception {
    assertThat(TaskCodec.decode("mark-ready", null)).isEqualTo(new MarkReadyParams());
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    assertThat(TaskCodec.decode("configure-genesis", JSON.readTree("{\"chainId\":\"c\",\"x\":1}")))
        .isEqualTo(new ConfigureGenesisParams());
  }

  @Test
  void decodingAsTheWrongRecordIsMalformed() {
    PlannedTask task =
        new PlannedTask()
            .withType("mark-ready")
            .withParams(TaskCodec.encode(new MarkReadyParams()));
    assertThatThrownBy(() -> TaskCodec.decode(task, ObserveImageParams.class))
        .isInstanceOfSatisfying(
            InvalidTaskException.class,
            e -> assertThat(e.kind()).isEqualTo(InvalidTaskException.Kind.MALFORMED_PARAMS));
  }

  @Test
  void decodingAsTheRightRecordReturnsIt() throws Exception {
    PlannedTask task =
        new PlannedTask()
            .withType("observe-image")
            .withParams(TaskCodec.encode(new ObserveImageParams("sei:v2")));
    assertThat(TaskCodec.decode(task, ObserveImageParams.class).image()).isEqualTo("sei:v2");
  }

  @Test
  void theIntentCarriesPeersAsPersistentPeersAndDropsTheSelectors() {
    ConfigApplyParams planned =
        new ConfigApplyParams(
            NodeMode.FULL_NODE,
            Map.of("network.p2p.persistent_peers", "c@h3:26656", "b.key", "1"),
            List.of("a@h1:26656"),
            List.of(new ConfigApplyParams.PeerSelector(Map.of("role", "rpc"), null)));
    assertThat(TaskCodec.sidecarParams(planned, List.of("b@h2:26656", "a@h1:26656")).toString())
        .isEqualTo(
            "{\"mode\":\"full\",\"overrides\":{\"b.key\":\"1\","
                + "\"network.p2p.persistent_peers\":\"c@h3:26656,a@h1:26656,b@h2:26656\"}}");
  }

  @Test
  void anIntentWithoutPeersSendsOnlyTheOverrides() {
    ConfigApplyParams planned =
        new ConfigApplyParams(NodeMode.VALIDATOR, Map.of("b", "2", "a", "1"), null, null);
    assertThat(planned.hasPeers()).isFalse();
    assertThat(TaskCodec.sidecarParams(planned, List.of()).toString())
        .isEqualTo("{\"mode\":\"validator\",\"overrides\":{\"a\":\"1\",\"b\":\"2\"}}");
    assertThat(
            TaskCodec.sidecarParams(
                    new ConfigApplyParams(NodeMode.FULL_NODE, null, null, null), List.of())
                .toString())
        .isEqualTo("{\"mode\":\"full\",\"overrides\":{}}");
  }

  @Test
  void hardForkBootstrapsToTheBlockBeforeTheUpgrade() {
    assertThat(new CreateEntrantNodesParams.HardFork("sei:v1", 50_000_000, null).snapshot())
        .satisfies(
            s -> {
              assertThat(s.getTargetHeight()).isEqualTo(49_999_999L);
              assertThat(s.getUpgradeName()).isNull();
            });
  }

  @Test
  void aNamedUpgradeIsBootstrappedIntoAtItsHeight() {
    assertThat(new CreateEntrantNodesParams.HardFork("sei:v1", 50_000_000, "v2").snapshot())
        .satisfies(
            s -> {
              assertThat(s.getTargetHeight()).isEqualTo(50_000_000L);
              assertThat(s.getUpgradeName()).isEqualTo("v2");
            });
  }

  @Test
  void aBootstrapIntoAnUpgradeNeedsItsHeight() {
    assertThatThrownBy(() -> new AwaitBootstrapCompleteParams("v2", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upgradeHeight");
    assertThat(new AwaitBootstrapCompleteParams(" ", 0).upgradeName()).isNull();
  }
}
