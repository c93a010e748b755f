package io.sei.operator.group;

import io.sei.operator.planner.task.AwaitNodesCaughtUpParams;
import io.sei.operator.planner.task.AwaitNodesRunningParams;
import io.sei.operator.planner.task.AwaitNodesUpdatedParams;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.HandOverValidatorKeysParams;
import io.sei.operator.planner.task.SwitchTrafficParams;
import io.sei.operator.planner.task.TaskParams;
import io.sei.operator.planner.task.TeardownNodesParams;
import io.sei.operator.planner.task.UpdateNodeSpecsParams;
import io.sei.operator.task.Progress;
import io.sei.operator.task.TerminalTaskException;

/** The execution of every group-side task type, one class per type. */
public final class GroupTaskExecutions {
  private final CreateEntrantNodes createEntrantNodes = new CreateEntrantNodes();
  private final AwaitNodesRunning awaitNodesRunning = new AwaitNodesRunning();
  private final AwaitNodesCaughtUp awaitNodesCaughtUp = new AwaitNodesCaughtUp();
  private final SwitchTraffic switchTraffic = new SwitchTraffic();
  private final TeardownNodes teardownNodes = new TeardownNodes();
  private final HandOverValidatorKeys handOverValidatorKeys = new HandOverValidatorKeys();
  private final UpdateNodeSpecs updateNodeSpecs = new UpdateNodeSpecs();
  private final AwaitNodesUpdated awaitNodesUpdated = new AwaitNodesUpdated();

  /**
   * Runs {@code params}' task.
   *
   * @throws TerminalTaskException for a node-side task in a group plan
   */
  public Progress run(GroupContext context, TaskParams params) {
    if (params instanceof CreateEntrantNodesParams p) {
      return createEntrantNodes.run(context, p);
    } else if (params instanceof AwaitNodesRunningParams p) {
      return awaitNodesRunning.run(context, p);
    } else if (params instanceof AwaitNodesCaughtUpParams p) {
      return awaitNodesCaughtUp.run(context, p);
    } else if (params instanceof SwitchTrafficParams p) {
      return switchTraffic.run(context, p);
    } else if (params instanceof TeardownNodesParams p) {
      return teardownNodes.run(context, p);
    } else if (params instanceof HandOverValidatorKeysParams p) {
      return handOverValidatorKeys.run(context, p);
    } else if (params instanceof UpdateNodeSpecsParams p) {
      return updateNodeSpecs.run(context, p);
    } else if (params instanceof AwaitNodesUpdatedParams p) {
      return awaitNodesUpdated.run(context, p);
    }
    throw new TerminalTaskException(
        "task " + params.type() + " is not executed on a SeiNodeDeployment");
  }
}
