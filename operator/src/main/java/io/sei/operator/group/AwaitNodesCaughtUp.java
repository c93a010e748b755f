package io.sei.operator.group;

import io.sei.operator.planner.task.AwaitNodesCaughtUpParams;
import io.sei.operator.task.Progress;

/**
 * {@code await-nodes-caught-up}: seid of every named node answers {@code /status} with {@code
 * catching_up: false}.
 */
final class AwaitNodesCaughtUp {
  Progress run(GroupContext context, AwaitNodesCaughtUpParams params) {
    for (String name : params.nodeNames()) {
      boolean caughtUp =
          context
              .node(params.namespace(), name)
              .flatMap(node -> SeidStatus.syncInfo(context, node))
              .filter(sync -> sync.has("catching_up") && !sync.path("catching_up").asBoolean(true))
              .isPresent();
      if (!caughtUp) {
        return Progress.waiting("SeiNode " + name + " to catch up");
      }
    }
    return Progress.done();
  }
}
