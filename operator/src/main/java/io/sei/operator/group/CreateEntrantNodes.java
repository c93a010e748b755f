package io.sei.operator.group;

import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.deploy.EntrantNodes;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.InvalidTaskException;
import io.sei.operator.task.Progress;
import io.sei.operator.task.ServerSideApply;
import io.sei.operator.task.TerminalTaskException;

/**
 * {@code create-entrant-nodes}: server-side applies the entrant SeiNodes {@link EntrantNodes}
 * renders (for HardFork with the incumbent image as bootstrap image, to haltHeight-1).
 */
final class CreateEntrantNodes {
  Progress run(GroupContext context, CreateEntrantNodesParams params) {
    try {
      for (SeiNode node : EntrantNodes.render(context.snd(), params)) {
        ServerSideApply.apply(context.client(), node);
      }
    } catch (InvalidTaskException e) {
      throw new TerminalTaskException(e.getMessage());
    }
    return Progress.done();
  }
}
