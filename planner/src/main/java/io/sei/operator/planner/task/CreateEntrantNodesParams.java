package io.sei.operator.planner.task;

import io.sei.operator.api.S3Snapshot;
import java.util.List;

/**
 * Group params of {@code create-entrant-nodes}: create the named SeiNodes from the group template,
 * labelled with {@code entrantRevision}; the SeiNode objects are rendered by {@code
 * io.sei.operator.planner.deploy.EntrantNodes#render}.
 *
 * @param hardFork set for a HardFork rollout only: entrants bootstrap on the incumbent image
 * @param withholdValidatorKeys entrants are created without the template's {@code
 *     validator.signingKey} and {@code validator.nodeKey} (observers): a rollout of a signing
 *     validator hands the keys over only once the incumbents' pods are gone ({@code
 *     hand-over-validator-keys})
 */
public record CreateEntrantNodesParams(
    String groupName,
    String namespace,
    String entrantRevision,
    List<String> nodeNames,
    HardFork hardFork,
    boolean withholdValidatorKeys)
    implements TaskParams {

  /** Entrants with every key of the template: the group's first nodes, which nobody precedes. */
  public CreateEntrantNodesParams(
      String groupName,
      String namespace,
      String entrantRevision,
      List<String> nodeNames,
      HardFork hardFork) {
    this(groupName, namespace, entrantRevision, nodeNames, hardFork, false);
  }

  public CreateEntrantNodesParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    Require.text(entrantRevision, "entrantRevision");
    nodeNames = Require.list(nodeNames, "nodeNames");
  }

  /**
   * What a HardFork entrant injects into its snapshot source: {@code bootstrapImage =
   * incumbentImage} and {@link #snapshot()}.
   *
   * @param upgradeName the chain's upgrade at {@code haltHeight}, or null: with it the bootstrap
   *     runs into the upgrade (the old binary writes upgrade-info.json), without it it halts at the
   *     block before
   */
  public record HardFork(String incumbentImage, long haltHeight, String upgradeName) {
    public HardFork {
      Require.text(incumbentImage, "incumbentImage");
      Require.atLeast(haltHeight, 2, "haltHeight");
      upgradeName = upgradeName == null || upgradeName.isBlank() ? null : upgradeName;
    }

    /**
     * The entrant's S3 source: {@code targetHeight = haltHeight} with the upgrade's name, so the
     * bootstrap ends in the old binary's stop for the upgrade; else {@code haltHeight - 1}.
     */
    public S3Snapshot snapshot() {
      return upgradeName == null
          ? new S3Snapshot().withTargetHeight(haltHeight - 1)
          : new S3Snapshot().withTargetHeight(haltHeight).withUpgradeName(upgradeName);
    }
  }
}
