package io.sei.operator.group;

import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.AwaitNodesUpdatedParams;
import io.sei.operator.task.Progress;

/**
 * {@code await-nodes-updated} (InPlace): every named SeiNode is Running without a plan and its pod
 * was observed running the image ({@code status.currentImage}).
 */
final class AwaitNodesUpdated {
  Progress run(GroupContext context, AwaitNodesUpdatedParams params) {
    for (String name : params.nodeNames()) {
      boolean updated =
          context
              .node(params.namespace(), name)
              .map(SeiNode::getStatus)
              .filter(s -> s.getPhase() == NodePhase.Running && s.getPlan() == null)
              .filter(s -> params.image().equals(s.getCurrentImage()))
              .isPresent();
      if (!updated) {
        return Progress.waiting("SeiNode " + name + " to run " + params.image());
      }
    }
    return Progress.done();
  }
}
