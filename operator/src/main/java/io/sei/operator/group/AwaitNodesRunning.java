package io.sei.operator.group;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.planner.plan.NodeConditions;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.planner.task.AwaitNodesRunningParams;
import io.sei.operator.render.Names;
import io.sei.operator.task.NodePods;
import io.sei.operator.task.Progress;
import io.sei.operator.task.TerminalTaskException;
import java.util.Optional;

/**
 * {@code await-nodes-running}: every named SeiNode is Running — in a HardFork rollout also past the
 * upgrade: its seid reports a height of at least {@code haltHeight}, so a new binary that panics at
 * the upgrade is caught before traffic moves. A node that Failed (e.g. its bootstrap Job failed) or
 * whose seid crash-loops fails the rollout; the nodes are left for inspection.
 */
final class AwaitNodesRunning {
  Progress run(GroupContext context, AwaitNodesRunningParams params) {
    int running = 0;
    for (String name : params.nodeNames()) {
      Optional<SeiNode> node = context.node(params.namespace(), name);
      NodePhase phase =
          node.map(SeiNode::getStatus).map(s -> s.getPhase()).orElse(NodePhase.Pending);
      if (phase == NodePhase.Failed) {
        throw new TerminalTaskException("SeiNode " + name + " Failed" + why(node.get()));
      }
      node.flatMap(n -> crashLoop(context, n))
          .ifPresent(
              why -> {
                throw new TerminalTaskException("SeiNode " + name + ": " + why);
              });
      if (phase == NodePhase.Running && pastUpgrade(context, node.get())) {
        running++;
      }
    }
    return running >= params.expected()
        ? Progress.done()
        : Progress.waiting(running + " of " + params.expected() + " nodes Running");
  }

  /** {@code : <why>} from the node's failed plan, or from Initialized=False once it is cleared. */
  private static String why(SeiNode node) {
    return Optional.ofNullable(node.getStatus().getPlan())
        .map(NodeConditions::failureMessage)
        .or(
            () ->
                StatusConditions.find(node.getStatus().getConditions(), Conditions.INITIALIZED)
                    .filter(c -> Conditions.FALSE.equals(c.getStatus()))
                    .map(Condition::getMessage))
        .map(message -> ": " + message)
        .orElse("");
  }

  /** True unless this is a HardFork rollout whose upgrade height the node has not reached. */
  private static boolean pastUpgrade(GroupContext context, SeiNode node) {
    Optional<Long> haltHeight =
        Optional.ofNullable(context.snd().getSpec().getUpdateStrategy())
            .filter(s -> s.getType() == UpdateStrategyType.HardFork)
            .map(UpdateStrategy::getHardFork)
            .map(HardForkStrategy::getHaltHeight);
    return haltHeight.isEmpty()
        || SeidStatus.syncInfo(context, node)
            .map(sync -> sync.path("latest_block_height").asLong(0))
            .filter(height -> height >= haltHeight.get())
            .isPresent();
  }

  /**
   * Why seid of the node's production pod cannot run, if it cannot ({@link NodePods#seidFailure}).
   */
  private static Optional<String> crashLoop(GroupContext context, SeiNode node) {
    return Optional.ofNullable(
            context
                .client()
                .pods()
                .inNamespace(node.getMetadata().getNamespace())
                .withName(Names.productionPod(node))
                .get())
        .flatMap(NodePods::seidFailure);
  }
}
