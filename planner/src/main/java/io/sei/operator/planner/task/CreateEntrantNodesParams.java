package io.sei.operator.planner.task;

import java.util.List;

/**
 * Group params of {@code create-entrant-nodes}: create the named SeiNodes from the group template,
 * labelled with {@code entrantRevision}; the SeiNode objects are rendered by {@code
 * io.sei.operator.planner.deploy.EntrantNodes#render}.
 *
 * @param hardFork set for a HardFork rollout only: entrants bootstrap on the incumbent image
 */
public record CreateEntrantNodesParams(
    String groupName,
    String namespace,
    String entrantRevision,
    List<String> nodeNames,
    HardFork hardFork)
    implements TaskParams {

  public CreateEntrantNodesParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    Require.text(entrantRevision, "entrantRevision");
    nodeNames = Require.list(nodeNames, "nodeNames");
  }

  /**
   * What a HardFork entrant injects into its snapshot source: {@code bootstrapImage =
   * incumbentImage}, {@code s3.targetHeight = haltHeight - 1}.
   */
  public record HardFork(String incumbentImage, long haltHeight) {
    public HardFork {
      Require.text(incumbentImage, "incumbentImage");
      Require.atLeast(haltHeight, 2, "haltHeight");
    }

    /** The height the entrant's bootstrap Job halts at: the block before the upgrade. */
    public long bootstrapTargetHeight() {
      return haltHeight - 1;
    }
  }
}
