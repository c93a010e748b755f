package io.sei.operator.planner.task;

import java.util.List;

/**
 * Group params of {@code teardown-nodes}: delete the named SeiNodes (incumbents, plus entrants of
 * an earlier, superseded or failed rollout).
 */
public record TeardownNodesParams(String namespace, List<String> nodeNames) implements TaskParams {
  public TeardownNodesParams {
    Require.text(namespace, "namespace");
    nodeNames = Require.list(nodeNames, "nodeNames");
  }
}
