package io.sei.operator.simulator.seid;

import io.sei.operator.simulator.faults.SeidFaults;
import java.nio.file.Path;
import java.util.List;

/**
 * How one simulated {@code seid start} runs.
 *
 * @param home the node's home ({@code --home})
 * @param haltHeight commit this height, then exit 0 (0: never)
 * @param version {@code --version}, or null to read it from the environment
 * @param peers {@code --peer} values, or empty to read {@code p2p.persistent-peers} of {@code
 *     config/config.toml}
 * @param rpcListen {@code HOST:PORT} of its RPC {@code /status}
 * @param p2pListen {@code HOST:PORT} of its P2P port (the relay other nodes peer with)
 * @param sidecarUrl a sidecar to wait for before starting, or null not to wait (the real {@code
 *     seid} never waits: the pod gates its start)
 * @param syncIntervalMs time per block while syncing
 * @param pollIntervalMs time between looks at the chain once caught up
 * @param faults faults set by flags
 */
public record SeidConfig(
    Path home,
    long haltHeight,
    String version,
    List<String> peers,
    String rpcListen,
    String p2pListen,
    String sidecarUrl,
    long syncIntervalMs,
    long pollIntervalMs,
    SeidFaults faults) {

  public static final String DEFAULT_RPC_LISTEN = "0.0.0.0:26657";
  public static final String DEFAULT_P2P_LISTEN = "0.0.0.0:26656";

  public SeidConfig {
    peers = List.copyOf(peers);
    if (haltHeight < 0) {
      throw new IllegalArgumentException("--halt-height must not be negative");
    }
    if (syncIntervalMs < 0 || pollIntervalMs <= 0) {
      throw new IllegalArgumentException("sync and poll intervals must be positive");
    }
  }
}
