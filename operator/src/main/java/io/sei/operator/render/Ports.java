package io.sei.operator.render;

/** Ports of a node's pods. The sidecar's own port is loopback-only and never published. */
public final class Ports {
  private Ports() {}

  public static final int SEID_RPC = 26657;
  public static final int SEID_P2P = 26656;

  /** kube-rbac-proxy, plaintext: the only way into the sidecar. */
  public static final int PROXY = 8443;

  /** Sidecar port when a SeiNode built in memory carries none (the CRD defaults it to this). */
  public static final int SIDECAR_DEFAULT = 7777;
}
