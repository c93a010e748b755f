package io.sei.operator.planner.deploy;

import static io.sei.operator.planner.Fixtures.IMAGE_V1;
import static io.sei.operator.planner.Fixtures.IMAGE_V2;
import static io.sei.operator.planner.Fixtures.fullNode;
import static io.sei.operator.planner.Fixtures.group;
import static io.sei.operator.planner.Fixtures.s3;
import static io.sei.operator.planner.Fixtures.stateSync;
import static io.sei.operator.planner.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sei.operator.api.DeletionPolicy;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.TemplateMetadata;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.InvalidTaskException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntrantNodesTest {
  private static final CreateEntrantNodesParams.HardFork FORK =
      new CreateEntrantNodesParams.HardFork(IMAGE_V1, 50_000_000, null);

  @Test
  void hardForkEntrantBootstrapsOnTheIncumbentImageToHaltHeightMinusOne() throws Exception {
    SeiNodeSpec spec = EntrantNodes.entrantSpec(fullNode(s3(0)).withImage(IMAGE_V2), FORK);
    assertThat(spec.getImage()).isEqualTo(IMAGE_V2);
    assertThat(spec.getFullNode().getSnapshot().getBootstrapImage()).isEqualTo(IMAGE_V1);
    assertThat(spec.getFullNode().getSnapshot().getS3().getTargetHeight()).isEqualTo(49_999_999L);
  }

  @Test
  void aNamedUpgradeMakesTheEntrantBootstrapIntoItsStopAtTheHaltHeight() throws Exception {
    SeiNodeSpec spec =
        EntrantNodes.entrantSpec(
            fullNode(s3(0)).withImage(IMAGE_V2),
            new CreateEntrantNodesParams.HardFork(IMAGE_V1, 50_000_000, "v6.4.0"));
    assertThat(spec.getFullNode().getSnapshot().getBootstrapImage()).isEqualTo(IMAGE_V1);
    assertThat(spec.getFullNode().getSnapshot().getS3().getTargetHeight()).isEqualTo(50_000_000L);
    assertThat(spec.getFullNode().getSnapshot().getS3().getUpgradeName()).isEqualTo("v6.4.0");
  }

  @Test
  void hardForkValidatorEntrantIsInjectedToo() throws Exception {
    SeiNodeSpec template = validator(null);
    template.getValidator().setSnapshot(s3(5));
    SeiNodeSpec spec = EntrantNodes.entrantSpec(template, FORK);
    assertThat(spec.getValidator().getSnapshot().getBootstrapImage()).isEqualTo(IMAGE_V1);
  }

  @Test
  void entrantSpecIsACopyAndLeavesTheTemplateAlone() throws Exception {
    SeiNodeSpec template = fullNode(s3(7));
    EntrantNodes.entrantSpec(template, FORK);
    assertThat(template.getFullNode().getSnapshot().getBootstrapImage()).isNull();
    assertThat(template.getFullNode().getSnapshot().getS3().getTargetHeight()).isEqualTo(7L);
  }

  @Test
  void blueGreenEntrantIsTheTemplateAsIs() throws Exception {
    SeiNodeSpec spec = EntrantNodes.entrantSpec(fullNode(s3(7)), null);
    assertThat(spec.getFullNode().getSnapshot().getBootstrapImage()).isNull();
    assertThat(spec.getFullNode().getSnapshot().getS3().getTargetHeight()).isEqualTo(7L);
  }

  @Test
  void hardForkWithoutS3IsTerminalUnsatisfiable() {
    assertThatThrownBy(() -> EntrantNodes.entrantSpec(fullNode(stateSync()), FORK))
        .isInstanceOfSatisfying(
            InvalidTaskException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InvalidTaskException.Kind.UNSATISFIABLE);
              assertThat(e.taskType()).isEqualTo("create-entrant-nodes");
            });
  }

  @Test
  void renderedEntrantsCarryNamesLabelsAnnotationsAndOwner() throws Exception {
    SeiNodeDeployment snd = group(UpdateStrategyType.HardFork, fullNode(s3(1)));
    snd.getSpec()
        .getTemplate()
        .setMetadata(
            new TemplateMetadata()
                .withLabels(Map.of("team", "infra"))
                .withAnnotations(Map.of("note", "x")));
    CreateEntrantNodesParams params =
        new CreateEntrantNodesParams(
            "rpc", "chain", "abc123", List.of("rpc-g7-0", "rpc-g7-1"), FORK);

    List<SeiNode> nodes = EntrantNodes.render(snd, params);

    assertThat(nodes)
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("rpc-g7-0", "rpc-g7-1");
    SeiNode first = nodes.get(0);
    assertThat(first.getMetadata().getNamespace()).isEqualTo("chain");
    assertThat(first.getMetadata().getLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "team",
                "infra",
                Labels.DEPLOYMENT,
                "rpc",
                Labels.REVISION,
                "abc123",
                Labels.MANAGED_BY,
                Labels.MANAGED_BY_VALUE,
                Labels.RETAIN_DATA,
                Labels.RETAIN_DATA_VALUE));
    assertThat(first.getMetadata().getAnnotations()).containsEntry("note", "x");
    assertThat(first.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("SeiNodeDeployment");
              assertThat(ref.getUid()).isEqualTo("uid-rpc");
              assertThat(ref.getController()).isTrue();
            });
    assertThat(first.getSpec().getFullNode().getSnapshot().getBootstrapImage()).isEqualTo(IMAGE_V1);
    assertThat(first.getSpec()).isNotSameAs(nodes.get(1).getSpec());
  }

  @Test
  void entrantsOfASigningValidatorAreObserversUntilTheKeysAreHandedOver() throws Exception {
    SeiNodeSpec template = validator("val-key");
    SeiNodeDeployment snd = group(UpdateStrategyType.BlueGreen, template);
    CreateEntrantNodesParams withheld =
        new CreateEntrantNodesParams("val", "chain", "r", List.of("val-g7-0"), null, true);

    SeiNode entrant = EntrantNodes.render(snd, withheld).get(0);

    assertThat(entrant.getSpec().getValidator().getSigningKey()).isNull();
    assertThat(entrant.getSpec().getValidator().getNodeKey()).isNull();
    assertThat(entrant.getSpec().getValidator().getSnapshot()).isNotNull();
    assertThat(template.getValidator().getSigningKey()).as("the template is untouched").isNotNull();
    SeiNode first =
        EntrantNodes.render(
                snd, new CreateEntrantNodesParams("val", "chain", "r", List.of("val-0"), null))
            .get(0);
    assertThat(first.getSpec().getValidator().getSigningKey().getSecret().getSecretName())
        .as("the group's first node, which nobody precedes, gets the key")
        .isEqualTo("val-key");
  }

  @Test
  void renderedEntrantsWithoutTemplateMetadataGetOnlyOperatorLabels() throws Exception {
    SeiNodeDeployment snd = group(UpdateStrategyType.BlueGreen, fullNode(null));
    List<SeiNode> nodes =
        EntrantNodes.render(
            snd, new CreateEntrantNodesParams("rpc", "chain", "r", List.of("rpc-g7-0"), null));
    assertThat(nodes.get(0).getMetadata().getLabels())
        .as("deletionPolicy unset: Retain")
        .containsOnlyKeys(
            Labels.DEPLOYMENT, Labels.REVISION, Labels.MANAGED_BY, Labels.RETAIN_DATA);
    assertThat(nodes.get(0).getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void nodesOfADeleteGroupDoNotRetainTheirData() throws Exception {
    SeiNodeDeployment snd = group(UpdateStrategyType.BlueGreen, fullNode(null));
    snd.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    List<SeiNode> nodes =
        EntrantNodes.render(
            snd, new CreateEntrantNodesParams("rpc", "chain", "r", List.of("rpc-g7-0"), null));
    assertThat(nodes.get(0).getMetadata().getLabels()).doesNotContainKey(Labels.RETAIN_DATA);
  }
}
