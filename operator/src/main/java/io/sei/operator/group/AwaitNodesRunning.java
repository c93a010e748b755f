package io.sei.operator.group;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
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
import io.sei.operator.render.NodePod;
import io.sei.operator.task.Progress;
import io.sei.operator.task.TerminalTaskException;
import java.util.List;
import java.util.Locale;
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

  /** seid of the node's production pod in CrashLoopBackOff, with its last termination. */
  private static Optional<String> crashLoop(GroupContext context, SeiNode node) {
    Pod pod =
        context
            .client()
            .pods()
            .inNamespace(node.getMetadata().getNamespace())
            .withName(Names.productionPod(node))
            .get();
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> NodePod.SEID_CONTAINER.equals(s.getName()))
        .filter(
            s ->
                s.getState() != null
                    && s.getState().getWaiting() != null
                    && "CrashLoopBackOff".equals(s.getState().getWaiting().getReason()))
        .findFirst()
        .map(AwaitNodesRunning::describe);
  }

  /**
   * The line of a termination message that says why: the last one naming a panic, else the last one
   * (with FallbackToLogsOnError the message is the log's tail, which starts with start-up lines).
   */
  static String panicLine(String message) {
    List<String> lines = message.strip().lines().filter(l -> !l.isBlank()).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).toLowerCase(Locale.ROOT).contains("panic")) {
        return lines.get(i).strip();
      }
    }
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }

  private static String describe(ContainerStatus seid) {
    var last = seid.getLastState() == null ? null : seid.getLastState().getTerminated();
    return "seid crash-loops"
        + (last == null
            ? ""
            : " (exit "
                + last.getExitCode()
                + (last.getMessage() == null || last.getMessage().isBlank()
                    ? ""
                    : ": " + panicLine(last.getMessage()))
                + ")");
  }
}
