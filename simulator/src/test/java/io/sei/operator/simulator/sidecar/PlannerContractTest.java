package io.sei.operator.simulator.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.plan.NodePlanDecision;
import io.sei.operator.planner.plan.NodePlanner;
import io.sei.operator.planner.task.DiscoverPeersParams;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskSide;
import io.sei.operator.planner.task.TaskType;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract between the planner and the sidecar: every sidecar task the planner puts in a
 * plan, for specs with and without optional fields, is accepted by the simulated sidecar's parser
 * (as the operator submits it: label peers resolved into addresses).
 */
class PlannerContractTest {

  static Stream<String> specs() {
    return Stream.of(
        // s3 snapshot to a height, static peers, overrides
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        peers: [{static: {addresses: ["abc@127.0.0.1:26657"]}}]
        overrides: {mempool.size: "5000"}
        fullNode: {snapshot: {s3: {targetHeight: 100}}}
        """,
        // s3 snapshot without a height ("latest"), no trust period
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        fullNode: {snapshot: {s3: {}}}
        """,
        // state sync without trust period or backfill, label peers
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        peers: [{label: {selector: {sei.io/deployment: rpc}}}]
        validator: {snapshot: {stateSync: {}}}
        """,
        // state sync with both
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        validator: {snapshot: {stateSync: {}, trustPeriod: 168h, backfillBlocks: 1000}}
        """,
        // genesis archive node
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        archive: {}
        """,
        // bootstrap: Job on the old image to the target height
        """
        chainId: pacific-1
        image: sei-sim:v6.4.0
        peers: [{static: {addresses: ["abc@127.0.0.1:26657"]}}]
        fullNode: {snapshot: {s3: {targetHeight: 119}, bootstrapImage: "sei-sim:v6.3.0"}}
        """);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everySidecarTaskThePlannerEmitsParsesInTheSidecar(String specYaml) throws Exception {
    SeiNode node = new SeiNode();
    node.getMetadata().setName("node");
    node.getMetadata().setNamespace("sei");
    node.setSpec(Serialization.unmarshal(specYaml, io.sei.operator.api.SeiNodeSpec.class));
    AtomicInteger ids = new AtomicInteger();
    NodePlanDecision decision =
        new NodePlanner(
                Clock.systemUTC(), () -> "plan-" + ids.incrementAndGet(), RetryPolicy.defaults())
            .decide(node);
    assertThat(decision).isInstanceOf(NodePlanDecision.StartPlan.class);

    List<PlannedTask> sidecarTasks =
        ((NodePlanDecision.StartPlan) decision)
            .plan().getTasks().stream()
                .filter(
                    t ->
                        TaskType.fromWireName(t.getType()).orElseThrow().side() == TaskSide.SIDECAR)
                .toList();
    assertThat(sidecarTasks).isNotEmpty();
    for (PlannedTask task : sidecarTasks) {
      JsonNode wire = asSubmitted(task);
      SidecarTask.Parser parser = SidecarTask.parser(task.getType()).orElseThrow();
      assertThat(parser.parse(wire)).as("%s %s", task.getType(), wire).isNotNull();
    }
  }

  /** The params as the operator submits them: label peers resolved into addresses. */
  private static JsonNode asSubmitted(PlannedTask task) throws Exception {
    if (TaskCodec.decode(task.getType(), task.getParams()) instanceof DiscoverPeersParams peers) {
      return TaskCodec.encode(peers.withResolved(List.of("def@127.1.0.9:26656")));
    }
    return task.getParams();
  }
}
