package io.sei.operator.planner.plan;

import io.sei.operator.api.PeerSource;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.planner.task.NodeMode;
import java.util.Optional;

/**
 * What the planner needs from a spec before it can plan an init or bootstrap. Admission (CEL)
 * rejects most of these first; the planner still reports them as a {@link Problem} (a {@link
 * NodePlanDecision.Invalid} of the node, or of the deployment whose template it is) instead of
 * throwing.
 */
public final class NodeSpecCheck {
  private NodeSpecCheck() {}

  /** Why a spec cannot be planned: a CamelCase reason and a message for people. */
  public record Problem(String reason, String message) {}

  public static final String REASON_INCOMPLETE_SPEC = "IncompleteSpec";
  public static final String REASON_NO_SINGLE_MODE = "NoSingleMode";
  public static final String REASON_NO_SINGLE_SNAPSHOT_SOURCE = "NoSingleSnapshotSource";
  public static final String REASON_BOOTSTRAP_NEEDS_S3 = "BootstrapNeedsS3Snapshot";
  public static final String REASON_BOOTSTRAP_NEEDS_TARGET_HEIGHT = "BootstrapNeedsTargetHeight";
  public static final String REASON_INVALID_PEERS = "InvalidPeers";

  /** The first problem of {@code spec}, or empty when it can be planned. */
  public static Optional<Problem> problem(SeiNodeSpec spec) {
    if (blank(spec.getChainId()) || blank(spec.getImage())) {
      return invalid(REASON_INCOMPLETE_SPEC, "spec.chainId and spec.image are required");
    }
    if (NodeMode.of(spec).isEmpty()) {
      return invalid(
          REASON_NO_SINGLE_MODE, "exactly one of fullNode, archive or validator must be set");
    }
    if (spec.getPeers() != null && !spec.getPeers().stream().allMatch(NodeSpecCheck::validPeer)) {
      return invalid(
          REASON_INVALID_PEERS,
          "each peer source sets exactly one of static.addresses or a non-empty label.selector");
    }
    return NodePlans.snapshot(spec).flatMap(NodeSpecCheck::checkSnapshot);
  }

  private static boolean validPeer(PeerSource peer) {
    boolean isStatic =
        peer.getStaticPeers() != null && peer.getStaticPeers().getAddresses() != null;
    boolean isLabel =
        peer.getLabel() != null
            && peer.getLabel().getSelector() != null
            && !peer.getLabel().getSelector().isEmpty();
    boolean exactlyOneSource = (peer.getStaticPeers() == null) != (peer.getLabel() == null);
    return exactlyOneSource && (isStatic || isLabel);
  }

  private static Optional<Problem> checkSnapshot(SnapshotSource snapshot) {
    if ((snapshot.getS3() == null) == (snapshot.getStateSync() == null)) {
      return invalid(
          REASON_NO_SINGLE_SNAPSHOT_SOURCE,
          "a snapshot source sets exactly one of s3 or stateSync");
    }
    if (blank(snapshot.getBootstrapImage())) {
      return Optional.empty();
    }
    if (snapshot.getS3() == null) {
      return invalid(
          REASON_BOOTSTRAP_NEEDS_S3,
          "snapshot.bootstrapImage needs an s3 snapshot source with a targetHeight to halt at");
    }
    if (NodePlans.targetHeight(snapshot) <= 0) {
      return invalid(
          REASON_BOOTSTRAP_NEEDS_TARGET_HEIGHT,
          "snapshot.bootstrapImage needs s3.targetHeight > 0: the bootstrap Job halts there");
    }
    return Optional.empty();
  }

  private static Optional<Problem> invalid(String reason, String message) {
    return Optional.of(new Problem(reason, message));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
