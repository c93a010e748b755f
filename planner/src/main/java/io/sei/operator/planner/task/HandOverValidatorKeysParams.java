package io.sei.operator.planner.task;

import java.util.List;

/**
 * Group params of {@code hand-over-validator-keys}, the last task of a rollout of a signing
 * validator: once no pod of {@code fromNodes} exists any more (not merely their SeiNodes), give
 * each of {@code nodeNames} the template's {@code validator.signingKey} and {@code
 * validator.nodeKey}; done when each runs with them. Break before make: at no moment do two pods
 * hold the key.
 *
 * @param nodeNames the entrants, created without the keys
 * @param fromNodes the nodes that held the keys (the incumbents), torn down before this task
 */
public record HandOverValidatorKeysParams(
    String groupName, String namespace, List<String> nodeNames, List<String> fromNodes)
    implements TaskParams {
  public HandOverValidatorKeysParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    nodeNames = Require.list(nodeNames, "nodeNames");
    fromNodes = Require.list(fromNodes, "fromNodes");
  }
}
