package io.sei.operator.planner.drift;

import static io.sei.operator.planner.Fixtures.IMAGE_V1;
import static io.sei.operator.planner.Fixtures.IMAGE_V2;
import static io.sei.operator.planner.Fixtures.clock;
import static io.sei.operator.planner.Fixtures.ids;
import static io.sei.operator.planner.Fixtures.retries;
import static io.sei.operator.planner.Fixtures.running;
import static io.sei.operator.planner.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.plan.NodePlanDecision;
import io.sei.operator.planner.plan.NodePlanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The drift matrix: spec key none/A/B × mounted key none/A/B × image same/different. */
class NodeDriftTest {

  @ParameterizedTest(name = "spec key {0}, mounted {1}, image {2} -> image {3}, key {4}: {5}")
  @CsvSource({
    // spec, mounted, image,     imageDrift, keyDrift, plan class
    "-, -, same,      false, false, none",
    "-, A, same,      false, false, none",
    "-, B, same,      false, false, none",
    "A, -, same,      false, true,  node-update:signing-key",
    "A, A, same,      false, false, none",
    "A, B, same,      false, true,  node-update:signing-key",
    "B, -, same,      false, true,  node-update:signing-key",
    "B, A, same,      false, true,  node-update:signing-key",
    "B, B, same,      false, false, none",
    "-, -, different, true,  false, node-update:image",
    "-, A, different, true,  false, node-update:image",
    "-, B, different, true,  false, node-update:image",
    "A, -, different, true,  true,  node-update:image+signing-key",
    "A, A, different, true,  false, node-update:image",
    "A, B, different, true,  true,  node-update:image+signing-key",
    "B, -, different, true,  true,  node-update:image+signing-key",
    "B, A, different, true,  true,  node-update:image+signing-key",
    "B, B, different, true,  false, node-update:image"
  })
  void driftFlagsAndPlanFollowTheMatrix(
      String specKey,
      String mountedKey,
      String image,
      boolean imageDrift,
      boolean keyDrift,
      String planClass) {
    SeiNode node =
        running(
            validator(secret(specKey)).withImage(image.equals("same") ? IMAGE_V1 : IMAGE_V2),
            IMAGE_V1,
            secret(mountedKey));

    assertThat(NodeDrift.of(node)).isEqualTo(new NodeDrift(imageDrift, keyDrift));
    NodePlanDecision decision = new NodePlanner(clock(), ids(), retries()).decide(node);
    String actual =
        decision instanceof NodePlanDecision.StartPlan start ? start.planClass() : "none";
    assertThat(actual).isEqualTo(planClass);
  }

  @ParameterizedTest
  @CsvSource({"false, false, false", "true, false, true", "false, true, true", "true, true, true"})
  void anyDriftMeansAPlanIsNeeded(boolean image, boolean key, boolean any) {
    assertThat(new NodeDrift(image, key).any()).isEqualTo(any);
  }

  private static String secret(String column) {
    return column.equals("-") ? null : "key-" + column;
  }
}
