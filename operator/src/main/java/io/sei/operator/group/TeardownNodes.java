package io.sei.operator.group;

import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.TeardownNodesParams;
import io.sei.operator.task.Progress;

/**
 * {@code teardown-nodes}: deletes the named SeiNodes (their children go with them by owner
 * reference; an imported PVC is never owned, so it stays); done once they are gone.
 */
final class TeardownNodes {
  Progress run(GroupContext context, TeardownNodesParams params) {
    boolean gone = true;
    for (String name : params.nodeNames()) {
      var node =
          context.client().resources(SeiNode.class).inNamespace(params.namespace()).withName(name);
      if (node.get() != null) {
        node.delete();
        gone = false;
      }
    }
    return gone ? Progress.done() : Progress.waiting("the torn-down SeiNodes to be gone");
  }
}
