package io.sei.operator.planner.plan;

import static io.sei.operator.planner.Fixtures.clock;
import static io.sei.operator.planner.Fixtures.ids;
import static io.sei.operator.planner.Fixtures.retries;
import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodePlanShapesTest {
  private final NodePlanner planner = new NodePlanner(clock(), ids(), retries());

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sei.operator.planner.plan.PlanShapes#initShapes")
  void pendingNodeGetsTheInitPlanOfItsSource(String name, SeiNode node, String order) {
    NodePlanDecision.StartPlan start = (NodePlanDecision.StartPlan) planner.decide(node);
    assertThat(PlanShapes.order(start.plan())).isEqualTo(order);
    assertThat(start.phase()).isEqualTo(NodePhase.Initializing);
    assertThat(start.plan().getTargetPhase()).isEqualTo("Running");
    assertThat(start.plan().getFailedPhase()).isEqualTo("Failed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sei.operator.planner.plan.PlanShapes#updateShapes")
  void runningNodeWithDriftGetsOneNodeUpdatePlan(String name, SeiNode node, String order) {
    NodePlanDecision.StartPlan start = (NodePlanDecision.StartPlan) planner.decide(node);
    assertThat(PlanShapes.order(start.plan())).isEqualTo(order);
    assertThat(start.phase()).isEqualTo(NodePhase.Running);
    assertThat(start.plan().getTargetPhase()).isEqualTo("Running");
    assertThat(start.plan().getFailedPhase()).isNull();
  }
}
