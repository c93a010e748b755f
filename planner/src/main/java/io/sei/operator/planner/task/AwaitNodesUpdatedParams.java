package io.sei.operator.planner.task;

import java.util.List;

/**
 * Group params of {@code await-nodes-updated} (InPlace): waits until every named node reports
 * {@code status.currentImage = image} and runs no plan.
 */
public record AwaitNodesUpdatedParams(
    String groupName, String namespace, String image, List<String> nodeNames)
    implements TaskParams {
  public AwaitNodesUpdatedParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    Require.text(image, "image");
    nodeNames = Require.list(nodeNames, "nodeNames");
  }
}
