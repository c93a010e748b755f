package io.sei.operator.planner.task;

import java.util.List;

/**
 * Group params of {@code update-node-specs} (InPlace): write the group template into each named
 * SeiNode's spec and label it with {@code revision}.
 */
public record UpdateNodeSpecsParams(
    String groupName, String namespace, String revision, List<String> nodeNames)
    implements TaskParams {
  public UpdateNodeSpecsParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    Require.text(revision, "revision");
    nodeNames = Require.list(nodeNames, "nodeNames");
  }
}
