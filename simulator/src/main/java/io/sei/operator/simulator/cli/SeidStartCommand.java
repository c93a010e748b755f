package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.faults.SeidFaults;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.seid.Seid;
import io.sei.operator.simulator.seid.SeidConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(
    name = "start",
    description =
        "Run the simulated node. Accepts the real seid command line: unknown flags are ignored.")
final class SeidStartCommand implements RoleCommand {

  static final String SIDECAR_URL_ENV = "SEI_SIDECAR_URL";
  static final String SYNC_INTERVAL_ENV = "SEI_SIM_SYNC_INTERVAL_MS";

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(names = "--home", required = true, paramLabel = "DIR", description = "The node's home.")
  Path home;

  @Option(
      names = "--halt-height",
      paramLabel = "N",
      defaultValue = "0",
      description = "Commit N, then exit 0 (0: never).")
  long haltHeight;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "Binary version (default: env SEI_SIM_VERSION, else the tag of SEI_SIM_IMAGE).")
  String version;

  @Option(
      names = "--peer",
      paramLabel = "URL",
      description =
          "Peer to follow (repeatable): <node id>@HOST:PORT, checked against the node id the peer"
              + " answers, or a URL, not checked (default: p2p.persistent-peers of"
              + " config/config.toml).")
  List<String> peers = new ArrayList<>();

  @Option(
      names = {"--rpc-listen", "--rpc.laddr"},
      paramLabel = "HOST:PORT",
      description = "Address of /status (default: " + SeidConfig.DEFAULT_RPC_LISTEN + ").")
  String rpcListen;

  @Option(
      names = {"--p2p-listen", "--p2p.laddr"},
      paramLabel = "HOST:PORT",
      description =
          "Address of the P2P port other nodes peer with (default: "
              + SeidConfig.DEFAULT_P2P_LISTEN
              + ").")
  String p2pListen;

  @Option(
      names = "--standalone",
      description = "Accepted for compatibility; seid waits for no sidecar unless told to.")
  boolean standalone;

  @Option(
      names = "--sidecar-url",
      paramLabel = "URL",
      description =
          "Wait until this sidecar's /v0/healthz answers 200 before starting (default: env "
              + SIDECAR_URL_ENV
              + ", else do not wait).")
  String sidecarUrl;

  @Option(
      names = "--sync-interval-ms",
      paramLabel = "MS",
      description =
          "Time per block while syncing (default: env " + SYNC_INTERVAL_ENV + ", else 5).")
  Long syncIntervalMs;

  @Option(names = "--fault-crash-at-height", paramLabel = "H", description = "Panic at height H.")
  Long crashAtHeight;

  @Option(
      names = "--fault-crash-on-upgrade",
      description = "Panic at an upgrade height even with the handler.")
  Boolean crashOnUpgrade;

  @Option(names = "--fault-stall-at-height", paramLabel = "H", description = "Stop advancing at H.")
  Long stallAtHeight;

  @Option(names = "--fault-slow-sync-ms", paramLabel = "MS", description = "Time per block.")
  Long slowSyncMs;

  @Option(names = "--fault-crash-on-start", description = "Panic right after starting.")
  Boolean crashOnStart;

  @Unmatched List<String> unknown = new ArrayList<>();

  @Override
  public SimProcess create(SimContext context) {
    if (!unknown.isEmpty()) {
      context.log("DEBUG ignoring flags the simulator does not use: " + String.join(" ", unknown));
    }
    String sidecar = sidecarUrl != null ? sidecarUrl : context.env(SIDECAR_URL_ENV);
    String syncEnv = context.env(SYNC_INTERVAL_ENV);
    long sync = syncIntervalMs != null ? syncIntervalMs : syncEnv != null ? parse(syncEnv) : 5;
    return new Seid(
        new SeidConfig(
            home,
            haltHeight,
            version,
            peers,
            rpcListen != null ? rpcListen : SeidConfig.DEFAULT_RPC_LISTEN,
            p2pListen != null ? p2pListen : SeidConfig.DEFAULT_P2P_LISTEN,
            sidecar,
            sync,
            50,
            new SeidFaults(crashAtHeight, crashOnUpgrade, stallAtHeight, slowSyncMs, crashOnStart)),
        context);
  }

  private static long parse(String millis) {
    try {
      return Long.parseLong(millis);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SYNC_INTERVAL_ENV + " must be a number of milliseconds");
    }
  }
}
