package io.sei.operator.planner.task;

import java.util.List;

/**
 * Group params of {@code await-nodes-running}: waits until {@code expected} of the named nodes are
 * Running; a Failed node fails the plan.
 */
public record AwaitNodesRunningParams(
    String groupName, String namespace, int expected, List<String> nodeNames)
    implements TaskParams {
  public AwaitNodesRunningParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    Require.atLeast(expected, 0, "expected");
    nodeNames = Require.list(nodeNames, "nodeNames");
  }
}
