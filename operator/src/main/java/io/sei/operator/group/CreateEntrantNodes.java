package io.sei.operator.group;

import io.sei.operator.api.DeploymentStatus;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.planner.deploy.EntrantNodes;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.InvalidTaskException;
import io.sei.operator.render.GroupService;
import io.sei.operator.task.Progress;
import io.sei.operator.task.ServerSideApply;
import io.sei.operator.task.TerminalTaskException;
import java.util.Optional;

/**
 * {@code create-entrant-nodes}: server-side applies the entrant SeiNodes {@link EntrantNodes}
 * renders (for HardFork with the incumbent image as bootstrap image, to haltHeight-1).
 *
 * <p>First it pins the group Service to the incumbents' revision: a group created under InPlace has
 * a Service selecting every production pod of the group, which would send traffic to an entrant as
 * soon as its pod is Ready — before {@code await-nodes-running} has seen it past the upgrade. Only
 * {@code switch-traffic} moves the Service to the entrants.
 */
final class CreateEntrantNodes {
  Progress run(GroupContext context, CreateEntrantNodesParams params) {
    SeiNodeDeployment snd = context.snd();
    String incumbentRevision =
        Optional.ofNullable(snd.getStatus().getDeployment())
            .map(DeploymentStatus::getIncumbentRevision)
            .orElse(snd.getStatus().getTemplateHash());
    if (incumbentRevision != null) {
      ServerSideApply.apply(context.client(), GroupService.render(snd, incumbentRevision));
    }
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
