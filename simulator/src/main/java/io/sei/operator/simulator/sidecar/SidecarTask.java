package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.home.NodeState;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.net.SimHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sidecar's task catalog. Each type decodes its params when it runs (never at submit), as the
 * real sidecar's typed handlers do, then acts on the node's home.
 */
sealed interface SidecarTask {

  void execute(TaskEnv env) throws TaskFailure, IOException, InterruptedException;

  /** Decodes a task's params; a {@link TaskFailure} starts with {@code parsing params: }. */
  @FunctionalInterface
  interface Decoder {
    SidecarTask decode(JsonNode params) throws TaskFailure;
  }

  /** The types the simulator carries out. */
  Set<String> SIMULATED =
      Set.of(
          "snapshot-restore",
          "configure-genesis",
          "config-apply",
          "configure-state-sync",
          "config-validate",
          "mark-ready");

  /** Types the real sidecar has that the simulator accepts and fails ("not simulated"). */
  Set<String> NOT_SIMULATED =
      Set.of(
          "config-patch",
          "config-reload",
          "restart-seid",
          "snapshot-upload",
          "snapshot-upload-once",
          "result-export",
          "await-condition",
          "generate-identity",
          "generate-gentx",
          "upload-genesis-artifacts",
          "assemble-and-upload-genesis",
          "set-genesis-peers",
          "gov-vote",
          "gov-software-upgrade",
          "gov-param-change",
          "evm-logical-digest",
          "mark-not-ready",
          "stop-seid",
          "reset-data");

  /** The decoder of {@code type}; empty for a type the sidecar does not know. */
  static Optional<Decoder> decoder(String type) {
    Decoder decoder =
        switch (type) {
          case "snapshot-restore" -> SnapshotRestore::decode;
          case "configure-genesis" -> ConfigureGenesis::decode;
          case "config-apply" -> ConfigApply::decode;
          case "configure-state-sync" -> ConfigureStateSync::decode;
          case "config-validate" -> p -> new ConfigValidate();
          case "mark-ready" -> p -> new MarkReady();
          default -> NOT_SIMULATED.contains(type) ? p -> new NotSimulated(type) : null;
        };
    return Optional.ofNullable(decoder);
  }

  /** Marker files, in the home, of the tasks that run once. */
  String SNAPSHOT_MARKER = ".sei-sidecar-snapshot-done";

  String SNAPSHOT_HEIGHT_FILE = ".sei-sidecar-snapshot-height";
  String GENESIS_MARKER = ".sei-sidecar-genesis-done";
  String STATE_SYNC_MARKER = ".sei-sidecar-statesync-done";

  private static boolean marked(NodeHome home, String marker) {
    return Files.exists(home.homeFile(marker));
  }

  private static void mark(NodeHome home, String marker) throws IOException {
    home.writeBytes(home.homeFile(marker), new byte[0]);
  }

  /**
   * {@code snapshot-restore {"targetHeight"?: int64}}: lists {@code
   * <chainId>/state-sync/<height>.tar.gz} in the snapshot bucket, takes the highest height at or
   * below the target (0: the highest), and restores it: {@code data/sim-state.json} becomes the
   * snapshot's state, {@code data/upgrade-info.json} goes, {@code data/snapshots/<height>/} and
   * {@value #SNAPSHOT_HEIGHT_FILE} record the height. A no-op once {@value #SNAPSHOT_MARKER}
   * exists.
   */
  record SnapshotRestore(long targetHeight) implements SidecarTask {
    private static final Pattern HEIGHT = Pattern.compile("/(\\d+)\\.tar\\.gz$");
    private static final String TASK = "snapshot-restore";

    static SnapshotRestore decode(JsonNode params) throws TaskFailure {
      return new SnapshotRestore(
          new GoParams(params, "SnapshotRestoreRequest").int64("targetHeight"));
    }

    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      NodeHome home = env.home();
      if (marked(home, SNAPSHOT_MARKER)) {
        return;
      }
      if (targetHeight < 0) {
        throw new TaskFailure(TASK + ": targetHeight must be >= 0, got " + targetHeight);
      }
      String bucket = env.config().snapshotBucket();
      String prefix = env.config().chainId() + "/state-sync/";
      String where = "s3://" + bucket + "/" + prefix;
      long best = 0;
      long earliest = Long.MAX_VALUE;
      String bestKey = null;
      for (String key : env.s3().list(TASK, bucket, prefix)) {
        long height = heightOf(key);
        if (height <= 0) {
          continue;
        }
        earliest = Math.min(earliest, height);
        if ((targetHeight == 0 || height <= targetHeight) && height > best) {
          best = height;
          bestKey = key;
        }
      }
      if (bestKey == null) {
        if (targetHeight == 0) {
          throw new TaskFailure(TASK + ": no snapshots found in " + where);
        }
        throw new TaskFailure(
            TASK
                + ": no snapshot at or below height "
                + targetHeight
                + (earliest == Long.MAX_VALUE
                    ? ": there are no snapshots in " + where
                    : ": the earliest snapshot is at height " + earliest + " in " + where));
      }
      byte[] archive = env.s3().get(TASK, bucket, bestKey);
      NodeState restored;
      try {
        restored = Json.convert(Json.parse(archive), NodeState.class);
      } catch (IOException | IllegalArgumentException e) {
        throw new TaskFailure(
            TASK + ": extracting snapshot s3://" + bucket + "/" + bestKey + ": " + e.getMessage());
      }
      if (restored == null || restored.height() != best) {
        throw new TaskFailure(
            TASK + ": s3://" + bucket + "/" + bestKey + " is not a snapshot at height " + best);
      }
      home.writeBytes(
          home.homeFile(SNAPSHOT_HEIGHT_FILE),
          Long.toString(best).getBytes(StandardCharsets.UTF_8));
      Files.createDirectories(home.snapshotsDir().resolve(Long.toString(best)));
      home.writeState(restored);
      Files.deleteIfExists(home.upgradeInfoFile());
      mark(home, SNAPSHOT_MARKER);
    }

    static long heightOf(String key) {
      Matcher m = HEIGHT.matcher(key);
      if (!m.find()) {
        return 0;
      }
      try {
        return Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /**
   * {@code configure-genesis {"expectedGenesisHash"?}}: writes {@code config/genesis.json} for the
   * sidecar's chain ({@value SidecarConfig#CHAIN_ID_ENV}; a {@code chainId} param is ignored).
   * Known chains are embedded; others come from {@code <genesisBucket>/<chainId>/genesis.json},
   * whose SHA-256 must then match {@code expectedGenesisHash} when given. A no-op once {@value
   * #GENESIS_MARKER} exists.
   */
  record ConfigureGenesis(String expectedGenesisHash) implements SidecarTask {
    static final Set<String> EMBEDDED = Set.of("pacific-1", "atlantic-2", "arctic-1");
    private static final String TASK = "configure-genesis";

    static ConfigureGenesis decode(JsonNode params) throws TaskFailure {
      return new ConfigureGenesis(
          new GoParams(params, "ConfigureGenesisRequest").string("expectedGenesisHash"));
    }

    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      NodeHome home = env.home();
      if (marked(home, GENESIS_MARKER)) {
        return;
      }
      String chainId = env.config().chainId();
      if (EMBEDDED.contains(chainId)) {
        home.write(home.genesisFile(), Map.of("chain_id", chainId));
        mark(home, GENESIS_MARKER);
        return;
      }
      String bucket = env.config().genesisBucket();
      String key = chainId + "/genesis.json";
      byte[] genesis = env.s3().get(TASK, bucket, key);
      String got = sha256(genesis);
      if (!expectedGenesisHash.isEmpty() && !got.equals(expectedGenesisHash)) {
        Files.deleteIfExists(home.genesisFile());
        throw new TaskFailure(
            TASK
                + ": verify-hash: downloaded genesis.json from s3://"
                + bucket
                + "/"
                + key
                + " has SHA-256 "
                + got
                + ", expected "
                + expectedGenesisHash
                + " [hint: the genesis trust root does not match the expected hash; refusing to"
                + " use it]");
      }
      home.writeBytes(home.genesisFile(), genesis);
      mark(home, GENESIS_MARKER);
    }
  }

  /**
   * {@code config-apply}, a sei-config intent {@code {"mode", "overrides"?, "targetVersion"?,
   * "incremental"?}}: checks the mode and every override key against sei-config, then writes {@code
   * config/config.toml} ({@code mode}, {@code [p2p] persistent-peers} from {@code
   * network.p2p.persistent_peers}) and {@code config/app.toml} (every other override, nested by its
   * dotted key, as a string). Incremental applies the overrides to the files on disk.
   */
  record ConfigApply(
      String mode, Map<String, String> overrides, int targetVersion, boolean incremental)
      implements SidecarTask {
    static final List<String> MODES =
        List.of("validator", "full", "seed", "archive", "rpc", "indexer");
    static final String PEERS_KEY = "network.p2p.persistent_peers";

    static ConfigApply decode(JsonNode params) throws TaskFailure {
      GoParams p = new GoParams(params, "ConfigIntent");
      return new ConfigApply(
          p.string("mode", "seiconfig.NodeMode"),
          p.stringMap("overrides"),
          p.int32("targetVersion"),
          p.bool("incremental"));
    }

    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      String task = incremental ? "config-apply incremental" : "config-apply";
      NodeHome home = env.home();
      Map<String, Object> config;
      Map<String, Object> app;
      if (incremental) {
        for (Path file : List.of(home.configTomlFile(), home.appTomlFile())) {
          if (!Files.exists(file)) {
            throw new TaskFailure(
                task + ": reading current config: reading " + file + ": no such file or directory");
          }
        }
        config = home.readToml(home.configTomlFile());
        app = home.readToml(home.appTomlFile());
      } else {
        if (mode.isEmpty()) {
          throw new TaskFailure(task + ": mode is required for non-incremental config resolution");
        }
        config = new LinkedHashMap<>();
        app = new LinkedHashMap<>();
      }
      if (!mode.isEmpty() && !MODES.contains(mode)) {
        throw new TaskFailure(task + ": invalid mode \"" + mode + "\"");
      }
      for (String key : new TreeMap<>(overrides).keySet()) {
        if (!OverrideKeys.known(key)) {
          throw new TaskFailure(
              task + ": applying overrides: unknown override key \"" + key + "\"");
        }
      }
      if (!mode.isEmpty()) {
        config.put("mode", mode);
      }
      Map<String, Object> p2p = table(config, "p2p");
      if (!incremental || overrides.containsKey(PEERS_KEY)) {
        p2p.put("persistent-peers", overrides.getOrDefault(PEERS_KEY, ""));
      }
      for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
        if (e.getKey().equals(PEERS_KEY)) {
          continue;
        }
        String[] parts = e.getKey().split("\\.");
        Map<String, Object> table = app;
        for (int i = 0; i < parts.length - 1; i++) {
          table = table(table, parts[i]);
        }
        table.put(parts[parts.length - 1], e.getValue());
      }
      home.writeToml(home.configTomlFile(), config);
      home.writeToml(home.appTomlFile(), app);
    }
  }

  /**
   * {@code configure-state-sync {"trustPeriod"?, "backfillBlocks"?, "useLocalSnapshot"?,
   * "rpcServers"?}}: picks the light-client witnesses ({@code rpcServers} as given, else the hosts
   * of the first two persistent peers), keeps those answering {@code /status}, takes a trust height
   * (the restored snapshot's with {@code useLocalSnapshot}, else the witness's latest height less
   * 2000, at least 1) and writes {@code [statesync]} into {@code config/config.toml}. A no-op once
   * {@value #STATE_SYNC_MARKER} exists.
   *
   * <p>Simulated differences: a witness derived from a peer {@code <id>@<host>:<port>} is {@code
   * <host>:<port>} (the simulated chain and seid serve {@code /status} on their peer port, where
   * the real sidecar uses {@code <host>:26657}); the trust hash is derived from the height rather
   * than read from the witness's {@code /block}.
   */
  record ConfigureStateSync(
      String trustPeriod, long backfillBlocks, boolean useLocalSnapshot, List<String> rpcServers)
      implements SidecarTask {
    static final long TRUST_HEIGHT_OFFSET = 2000;
    private static final String TASK = "configure-state-sync";

    static ConfigureStateSync decode(JsonNode params) throws TaskFailure {
      GoParams p = new GoParams(params, "StateSyncRequest");
      return new ConfigureStateSync(
          p.string("trustPeriod"),
          p.int64("backfillBlocks"),
          p.bool("useLocalSnapshot"),
          p.strings("rpcServers"));
    }

    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      NodeHome home = env.home();
      if (marked(home, STATE_SYNC_MARKER)) {
        return;
      }
      List<String> candidates = candidates(home);
      List<String> reachable = new ArrayList<>();
      Map<String, JsonNode> statuses = new LinkedHashMap<>();
      for (String witness : candidates) {
        try {
          SimHttp.Reply reply = env.http().get(statusUri(witness));
          if (reply.ok()) {
            reachable.add(witness);
            statuses.put(witness, reply.body());
          }
        } catch (IOException | IllegalArgumentException unreachable) {
          // skipped, as the real sidecar skips a witness whose /status does not answer
        }
      }
      if (reachable.isEmpty()) {
        throw new TaskFailure(TASK + ": no reachable RPC witness among " + goList(candidates));
      }
      long trustHeight;
      if (useLocalSnapshot) {
        trustHeight = localSnapshotHeight(home);
      } else {
        String latest =
            statuses
                .get(reachable.get(0))
                .path("result")
                .path("sync_info")
                .path("latest_block_height")
                .asText();
        try {
          trustHeight = Math.max(1, Long.parseLong(latest) - TRUST_HEIGHT_OFFSET);
        } catch (NumberFormatException e) {
          throw new TaskFailure(
              TASK + ": querying latest height: parsing height \"" + latest + "\": invalid syntax");
        }
      }
      while (reachable.size() < 2) {
        reachable.add(reachable.get(0));
      }
      Map<String, Object> config = home.readToml(home.configTomlFile());
      Map<String, Object> stateSync = table(config, "statesync");
      stateSync.put("enable", true);
      stateSync.put("trust-height", trustHeight);
      stateSync.put("trust-hash", trustHash(trustHeight));
      stateSync.put("rpc-servers", String.join(",", reachable));
      stateSync.put("use-local-snapshot", useLocalSnapshot);
      if (!trustPeriod.isEmpty()) {
        stateSync.put("trust-period", trustPeriod);
      }
      if (backfillBlocks > 0) {
        stateSync.put("backfill-blocks", backfillBlocks);
      }
      home.writeToml(home.configTomlFile(), config);
      mark(home, STATE_SYNC_MARKER);
    }

    private List<String> candidates(NodeHome home) throws TaskFailure, IOException {
      if (!rpcServers.isEmpty()) {
        return rpcServers;
      }
      List<String> peers;
      try {
        peers = home.persistentPeers();
      } catch (IOException e) {
        throw new TaskFailure(TASK + ": reading config.toml: " + e.getMessage());
      }
      if (peers.isEmpty()) {
        throw new TaskFailure(TASK + ": no peers in config.toml");
      }
      List<String> hosts = new ArrayList<>();
      for (String peer : peers) {
        if (hosts.size() >= 2) {
          break;
        }
        int at = peer.indexOf('@');
        if (at > 0 && at < peer.length() - 1) {
          hosts.add(peer.substring(at + 1));
        }
      }
      if (hosts.isEmpty()) {
        throw new TaskFailure(TASK + ": could not extract RPC hosts from peers");
      }
      return hosts;
    }

    private static URI statusUri(String witness) {
      String scheme = witness.endsWith(":443") ? "https" : "http";
      return URI.create(scheme + "://" + witness + "/status");
    }

    private static long localSnapshotHeight(NodeHome home) throws TaskFailure, IOException {
      Path dir = home.snapshotsDir();
      String failure = TASK + ": discovering local snapshot height: ";
      if (!Files.isDirectory(dir)) {
        throw new TaskFailure(
            failure + "reading snapshots directory: open " + dir + ": no such file or directory");
      }
      long max = 0;
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          if (Files.isDirectory(entry)) {
            try {
              max = Math.max(max, Long.parseLong(entry.getFileName().toString()));
            } catch (NumberFormatException notAHeight) {
              // ignored, as the real sidecar ignores it
            }
          }
        }
      }
      if (max == 0) {
        throw new TaskFailure(failure + "no snapshot found in " + dir);
      }
      return max;
    }

    /** A stand-in for the block hash at {@code height}: 64 upper-case hex digits. */
    static String trustHash(long height) {
      return sha256(("sei-sim block " + height).getBytes(StandardCharsets.UTF_8))
          .toUpperCase(java.util.Locale.ROOT);
    }

    private static String goList(List<String> items) {
      return "[" + String.join(" ", items) + "]";
    }
  }

  /**
   * {@code config-validate {}}: the config directory is complete and agrees with the chain: {@code
   * config.toml} and {@code app.toml} readable, a valid {@code mode}, a genesis whose {@code
   * chain_id} is {@value SidecarConfig#CHAIN_ID_ENV}.
   */
  record ConfigValidate() implements SidecarTask {
    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      NodeHome home = env.home();
      Map<String, Object> config;
      for (Path file : List.of(home.configTomlFile(), home.appTomlFile())) {
        if (!Files.exists(file)) {
          throw new TaskFailure(
              "config-validate: reading config: reading " + file + ": no such file or directory");
        }
      }
      try {
        config = home.readToml(home.configTomlFile());
        home.readToml(home.appTomlFile());
      } catch (IOException e) {
        throw new TaskFailure("config-validate: reading config: " + e.getMessage());
      }
      List<Map<String, String>> diagnostics = new ArrayList<>();
      Object mode = config.get("mode");
      if (!(mode instanceof String m) || !ConfigApply.MODES.contains(m)) {
        diagnostics.add(error("mode", "invalid mode \"" + (mode == null ? "" : mode) + "\""));
      }
      Optional<JsonNode> genesis;
      try {
        genesis = home.read(home.genesisFile());
      } catch (IOException e) {
        genesis = Optional.empty();
        diagnostics.add(error("genesis", e.getMessage()));
      }
      if (genesis.isEmpty()
          && diagnostics.stream().noneMatch(d -> "genesis".equals(d.get("field")))) {
        diagnostics.add(
            error("genesis", "no genesis at " + home.genesisFile() + ": run configure-genesis"));
      }
      String chainId = env.config().chainId();
      if (genesis.isPresent() && !chainId.equals(genesis.get().path("chain_id").asText())) {
        diagnostics.add(
            error(
                "genesis.chain_id",
                "chain id mismatch: genesis has \""
                    + genesis.get().path("chain_id").asText()
                    + "\", the sidecar runs for \""
                    + chainId
                    + "\""));
      }
      if (!diagnostics.isEmpty()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("valid", false);
        result.put("mode", mode instanceof String m ? m : "");
        result.put("diagnostics", diagnostics);
        throw new TaskFailure("config validation failed: " + compact(result));
      }
    }

    private static Map<String, String> error(String field, String message) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("severity", "error");
      d.put("field", field);
      d.put("message", message);
      return d;
    }

    private static String compact(Object value) {
      try {
        return Json.parse(Json.bytes(value)).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code mark-ready {}}: nothing to do; its success makes the sidecar ready. */
  record MarkReady() implements SidecarTask {
    @Override
    public void execute(TaskEnv env) {}
  }

  /** A real task type the simulator does not carry out: it fails saying so. */
  record NotSimulated(String type) implements SidecarTask {
    @Override
    public void execute(TaskEnv env) throws TaskFailure {
      throw new TaskFailure(type + ": not simulated by sei-sim");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> table(Map<String, Object> parent, String key) {
    Object existing = parent.get(key);
    if (existing instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The override keys sei-config accepts, from a resource generated from its struct tags. */
  final class OverrideKeys {
    private OverrideKeys() {}

    private static final Set<String> KEYS = load();

    static boolean known(String key) {
      return KEYS.contains(key);
    }

    private static Set<String> load() {
      try (InputStream in = SidecarTask.class.getResourceAsStream("sei-config-keys.txt")) {
        if (in == null) {
          throw new IllegalStateException("sei-config-keys.txt is missing from the simulator");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
