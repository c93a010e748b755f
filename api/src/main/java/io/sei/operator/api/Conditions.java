package io.sei.operator.api;

/** Condition types and their reasons, shared by the planner, the operator and the tests. */
public final class Conditions {
  private Conditions() {}

  /** A node-update plan (image and/or signing-key drift) is running; reason says which drift. */
  public static final String NODE_UPDATE_IN_PROGRESS = "NodeUpdateInProgress";

  public static final String REASON_UPDATE_STARTED = "UpdateStarted";
  public static final String REASON_SIGNING_KEY_UPDATE_STARTED = "SigningKeyUpdateStarted";
  public static final String REASON_UPDATE_AND_SIGNING_KEY_UPDATE_STARTED =
      "UpdateAndSigningKeyUpdateStarted";
  public static final String REASON_UPDATE_COMPLETE = "UpdateComplete";
  public static final String REASON_UPDATE_FAILED = "UpdateFailed";

  /** The sidecar has marked the node ready. */
  public static final String SIDECAR_READY = "SidecarReady";

  public static final String REASON_SIDECAR_READY = "Ready";
  public static final String REASON_SIDECAR_NOT_READY = "NotReady";

  /** SidecarReady=Unknown while a mark-ready re-apply plan runs. */
  public static final String REASON_MARK_READY_REAPPLYING = "MarkReadyReapplying";

  /** SidecarReady=False after a mark-ready re-apply plan failed; retried after a cooldown. */
  public static final String REASON_MARK_READY_FAILED = "MarkReadyFailed";

  /** The signing-key Secret exists and holds a well-formed priv_validator_key.json. */
  public static final String SIGNING_KEY_READY = "SigningKeyReady";

  public static final String REASON_SIGNING_KEY_VALIDATED = "SigningKeyValidated";
  public static final String REASON_SIGNING_KEY_NOT_READY = "SigningKeyNotReady";
  public static final String REASON_SIGNING_KEY_INVALID = "SigningKeyInvalid";

  /**
   * Another SeiNode holds the same key (same Secret or same address); its name is in the message.
   */
  public static final String REASON_SIGNING_KEY_HELD = "SigningKeyHeld";

  /** The node-key Secret exists and holds a well-formed node_key.json. */
  public static final String NODE_KEY_READY = "NodeKeyReady";

  public static final String REASON_NODE_KEY_VALIDATED = "NodeKeyValidated";
  public static final String REASON_NODE_KEY_NOT_READY = "NodeKeyNotReady";
  public static final String REASON_NODE_KEY_INVALID = "NodeKeyInvalid";

  /**
   * SeiNode with label-selected peers: every selected peer's CometBFT node id was obtained, so
   * config-apply can hand seid its persistent peers. False names the peer still waited for.
   */
  public static final String PEERS_RESOLVED = "PeersResolved";

  public static final String REASON_PEERS_RESOLVED = "PeersResolved";
  public static final String REASON_PEER_NODE_ID_UNAVAILABLE = "PeerNodeIdUnavailable";

  /** The imported data PVC exists and is bound. */
  public static final String IMPORT_PVC_READY = "ImportPVCReady";

  public static final String REASON_IMPORT_PVC_BOUND = "PVCBound";
  public static final String REASON_IMPORT_PVC_NOT_READY = "PVCNotReady";

  /** The imported PVC is named by another SeiNode or mounted by a pod not of this node. */
  public static final String REASON_IMPORT_PVC_IN_USE = "PVCInUse";

  /**
   * SeiNode: how its init or bootstrap plan ended. False/InitFailed names the failed task and why
   * (the plan itself is cleared when it ends); the node is then Failed.
   */
  public static final String INITIALIZED = "Initialized";

  public static final String REASON_INIT_COMPLETE = "InitComplete";
  public static final String REASON_INIT_FAILED = "InitFailed";

  /** SeiNodeDeployment: a rollout plan is running. */
  public static final String ROLLOUT_IN_PROGRESS = "RolloutInProgress";

  public static final String REASON_ROLLOUT_STARTED = "RolloutStarted";
  public static final String REASON_ROLLOUT_SUPERSEDED = "RolloutSuperseded";
  public static final String REASON_ROLLOUT_COMPLETE = "RolloutComplete";
  public static final String REASON_ROLLOUT_FAILED = "RolloutFailed";

  /** SeiNodeDeployment: every node is Running. */
  public static final String NODES_READY = "NodesReady";

  /** A spec the operator cannot act on (reported, never "fixed" by the operator). */
  public static final String SPEC_VALID = "SpecValid";

  public static final String REASON_SPEC_INVALID = "SpecInvalid";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";
}
