package io.sei.operator.planner.task;

import java.util.List;

/**
 * Group params of {@code await-nodes-caught-up}: waits until every named node reports {@code
 * catching_up = false}.
 */
public record AwaitNodesCaughtUpParams(String groupName, String namespace, List<String> nodeNames)
    implements TaskParams {
  public AwaitNodesCaughtUpParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    nodeNames = Require.list(nodeNames, "nodeNames");
  }
}
