package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.home.NodeState;
import io.sei.operator.simulator.net.HttpApi.BadRequest;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.seid.Peers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sidecar's task catalog: each task type's params, parsed strictly from the wire ({@code
 * params} of {@code POST /v0/tasks}; unknown fields ignored, wrong types rejected), and its effect
 * on the node's home.
 */
sealed interface SidecarTask {

  void execute(TaskEnv env) throws TaskFailure, IOException;

  /** The catalog: task type name to params parser. */
  static Optional<Parser> parser(String type) {
    Parser parser =
        switch (type) {
          case "snapshot-restore" -> SnapshotRestore::parse;
          case "configure-genesis" -> ConfigureGenesis::parse;
          case "config-apply" -> ConfigApply::parse;
          case "discover-peers" -> DiscoverPeers::parse;
          case "configure-state-sync" -> ConfigureStateSync::parse;
          case "config-validate" -> p -> new ConfigValidate();
          case "mark-ready" -> p -> new MarkReady();
          default -> null;
        };
    return Optional.ofNullable(parser);
  }

  /** Parses a task's params; a {@link BadRequest} says what is wrong. */
  @FunctionalInterface
  interface Parser {
    SidecarTask parse(JsonNode params) throws BadRequest;
  }

  /**
   * {@code snapshot-restore {"targetHeight": long}}: the chain's latest snapshot ≤ target; 0 (or
   * absent) means the latest snapshot.
   */
  record SnapshotRestore(long targetHeight) implements SidecarTask {
    static SnapshotRestore parse(JsonNode params) throws BadRequest {
      long target = params.has("targetHeight") ? Fields.requireLong(params, "targetHeight") : 0;
      if (target < 0) {
        throw new BadRequest("params.targetHeight must not be negative");
      }
      return new SnapshotRestore(target == 0 ? Long.MAX_VALUE : target);
    }

    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      if (env.snapshotBucket() == null) {
        throw new TaskFailure(
            "no snapshot bucket: set "
                + SidecarConfig.SNAPSHOT_BUCKET_ENV
                + " or pass --snapshot-bucket to the sidecar");
      }
      URI bucket = Peers.toUri(env.snapshotBucket());
      SimHttp.Reply reply;
      try {
        reply = env.http().get(bucket.resolve("/snapshot?atOrBelow=" + targetHeight));
      } catch (IOException e) {
        throw new TaskFailure("snapshot bucket " + bucket + " unreachable: " + e.getMessage());
      }
      if (!reply.ok()) {
        throw new TaskFailure(
            "snapshot-restore to "
                + (targetHeight == Long.MAX_VALUE
                    ? "the latest snapshot"
                    : "height " + targetHeight)
                + " failed: "
                + reply.body().path("error").asText("bucket answered " + reply.status()));
      }
      NodeState restored = Json.convert(reply.body(), NodeState.class);
      env.home().writeState(restored);
      Files.deleteIfExists(env.home().upgradeInfoFile());
    }
  }

  /** {@code configure-genesis {"chainId": string}}: writes {@code config/genesis.json}. */
  record ConfigureGenesis(String chainId) implements SidecarTask {
    static ConfigureGenesis parse(JsonNode params) throws BadRequest {
      return new ConfigureGenesis(Fields.requireText(params, "chainId"));
    }

    @Override
    public void execute(TaskEnv env) throws IOException {
      env.home().write(env.home().genesisFile(), Map.of("chain_id", chainId));
    }
  }

  /**
   * {@code config-apply {"chainId", "mode", "overrides"}}: writes {@code config/app-config.json}.
   */
  record ConfigApply(String chainId, String mode, Map<String, String> overrides)
      implements SidecarTask {
    static final List<String> MODES = List.of("fullNode", "archive", "validator");

    static ConfigApply parse(JsonNode params) throws BadRequest {
      String chainId = Fields.requireText(params, "chainId");
      String mode = Fields.requireText(params, "mode");
      if (!MODES.contains(mode)) {
        throw new BadRequest("params.mode must be one of " + MODES);
      }
      Map<String, String> overrides = new LinkedHashMap<>();
      JsonNode node = params.path("overrides");
      if (!node.isMissingNode() && !node.isNull()) {
        if (!node.isObject()) {
          throw new BadRequest("params.overrides must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
          if (!e.getValue().isTextual()) {
            throw new BadRequest("params.overrides." + e.getKey() + " must be a string");
          }
          overrides.put(e.getKey(), e.getValue().asText());
        }
      }
      return new ConfigApply(chainId, mode, overrides);
    }

    @Override
    public void execute(TaskEnv env) throws IOException {
      env.home().write(env.home().appConfigFile(), this);
    }
  }

  /** {@code discover-peers {"addresses": ["id@host:port"]}}: writes {@code config/peers.json}. */
  record DiscoverPeers(List<String> addresses) implements SidecarTask {
    static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^\\s]+:\\d{1,5}");

    static DiscoverPeers parse(JsonNode params) throws BadRequest {
      JsonNode node = params.path("addresses");
      if (!node.isArray()) {
        throw new BadRequest("params.addresses must be a list of \"<id>@<host>:<port>\"");
      }
      List<String> addresses = new ArrayList<>();
      for (JsonNode a : node) {
        if (!a.isTextual() || !ADDRESS.matcher(a.asText()).matches()) {
          throw new BadRequest("params.addresses: '" + a.asText() + "' is not <id>@<host>:<port>");
        }
        addresses.add(a.asText());
      }
      return new DiscoverPeers(addresses);
    }

    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      if (addresses.isEmpty()) {
        throw new TaskFailure("discover-peers found no peers");
      }
      env.home().write(env.home().peersFile(), Map.of("addresses", addresses));
    }
  }

  /**
   * {@code configure-state-sync {"trustPeriod": Go duration, "backfillBlocks": long}}: writes
   * {@code config/state-sync.json}.
   */
  record ConfigureStateSync(String trustPeriod, long backfillBlocks) implements SidecarTask {
    static final Pattern GO_DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");

    /** What the sidecar uses when the spec names no trust period. */
    static final String DEFAULT_TRUST_PERIOD = "168h0m0s";

    static ConfigureStateSync parse(JsonNode params) throws BadRequest {
      String trustPeriod =
          params.hasNonNull("trustPeriod")
              ? Fields.requireText(params, "trustPeriod")
              : DEFAULT_TRUST_PERIOD;
      if (!GO_DURATION.matcher(trustPeriod).matches()) {
        throw new BadRequest("params.trustPeriod must be a duration such as 168h0m0s");
      }
      long backfill =
          params.has("backfillBlocks") ? Fields.requireLong(params, "backfillBlocks") : 0;
      if (backfill < 0) {
        throw new BadRequest("params.backfillBlocks must not be negative");
      }
      return new ConfigureStateSync(trustPeriod, backfill);
    }

    @Override
    public void execute(TaskEnv env) throws IOException {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("enable", true);
      config.put("trustPeriod", trustPeriod);
      config.put("backfillBlocks", backfillBlocks);
      env.home().write(env.home().stateSyncFile(), config);
    }
  }

  /** {@code config-validate {}}: genesis and config are present and agree on the chain id. */
  record ConfigValidate() implements SidecarTask {
    @Override
    public void execute(TaskEnv env) throws TaskFailure, IOException {
      List<String> problems = new ArrayList<>();
      Optional<JsonNode> genesis = env.home().read(env.home().genesisFile());
      Optional<JsonNode> config = env.home().read(env.home().appConfigFile());
      if (genesis.isEmpty()) {
        problems.add("no genesis (" + env.home().genesisFile() + "): run configure-genesis");
      }
      if (config.isEmpty()) {
        problems.add("no config (" + env.home().appConfigFile() + "): run config-apply");
      }
      if (genesis.isPresent() && config.isPresent()) {
        String genesisChain = genesis.get().path("chain_id").asText();
        String configChain = config.get().path("chainId").asText();
        if (!genesisChain.equals(configChain)) {
          problems.add(
              "chain id mismatch: genesis has '"
                  + genesisChain
                  + "', config has '"
                  + configChain
                  + "'");
        }
      }
      Optional<JsonNode> stateSync = env.home().read(env.home().stateSyncFile());
      if (stateSync.isPresent() && stateSync.get().path("trustPeriod").asText().isEmpty()) {
        problems.add("state sync is enabled without a trust period");
      }
      if (!problems.isEmpty()) {
        throw new TaskFailure("config-validate: " + String.join("; ", problems));
      }
    }
  }

  /** {@code mark-ready {}}: the sidecar reports healthy, which lets {@code seid} start. */
  record MarkReady() implements SidecarTask {
    @Override
    public void execute(TaskEnv env) {
      env.markReady().run();
    }
  }

  /** Strict field readers for params. */
  final class Fields {
    private Fields() {}

    static long requireLong(JsonNode params, String name) throws BadRequest {
      JsonNode node = params.path(name);
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw new BadRequest("params." + name + " must be an integer");
      }
      return node.asLong();
    }

    static String requireText(JsonNode params, String name) throws BadRequest {
      JsonNode node = params.path(name);
      if (!node.isTextual() || node.asText().isBlank()) {
        throw new BadRequest("params." + name + " must be a non-empty string");
      }
      return node.asText();
    }
  }
}
