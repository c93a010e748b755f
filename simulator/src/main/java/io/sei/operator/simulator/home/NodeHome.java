package io.sei.operator.simulator.home;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.proc.SimFs;
import io.sei.operator.simulator.sidecar.Toml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layout of a node's {@code --home}, shared by the sidecar (which writes config) and {@code
 * seid} (which reads it and persists its data). Every write is atomic (temp file, then move).
 *
 * <pre>
 * config/genesis.json            configure-genesis      {"chain_id"} (or the bucket's bytes)
 * config/config.toml             config-apply           mode = "…", [p2p] persistent-peers = "…"
 *                                configure-state-sync   adds [statesync]
 * config/app.toml                config-apply           every other override, nested by its key
 * config/peers.json              (legacy)               {"addresses":[...]}
 * config/priv_validator_key.json mounted signing key    CometBFT shape
 * config/node_key.json           mounted node key       CometBFT shape
 * data/sim-state.json            seid, snapshot-restore {"height","upgrades":[{"name","height"}]}
 * data/upgrade-info.json         seid (old binary)      {"name","height","info"}
 * data/snapshots/&lt;height&gt;/        snapshot-restore       the restored snapshot (empty directory)
 * sidecar-tasks.json             sidecar                the sidecar's task store
 * .sei-sidecar-*                 sidecar                markers of tasks that run once
 * </pre>
 */
public final class NodeHome {

  private final String home;
  private final SimFs fs;
  private final Path root;

  /** A home on the host's file system. */
  public NodeHome(Path root) {
    this(root.toString(), SimFs.IDENTITY);
  }

  /**
   * A home named as the process sees it ({@code --home}); every file under it is resolved through
   * {@code fs}, so a file mounted over the home (a key Secret with {@code subPath}) wins.
   */
  public NodeHome(String home, SimFs fs) {
    this.home = home;
    this.fs = fs;
    this.root = fs.path(home).toAbsolutePath().normalize();
  }

  /** The home directory on the host. */
  public Path root() {
    return root;
  }

  public Path config(String name) {
    return file("config/" + name);
  }

  public Path data(String name) {
    return file("data/" + name);
  }

  private Path file(String relative) {
    return fs.path(home + "/" + relative).toAbsolutePath().normalize();
  }

  public Path genesisFile() {
    return config("genesis.json");
  }

  /** CometBFT's config: {@code mode}, {@code [p2p]}, {@code [statesync]}. */
  public Path configTomlFile() {
    return config("config.toml");
  }

  /** The application's config: the {@code config-apply} overrides other than the peers. */
  public Path appTomlFile() {
    return config("app.toml");
  }

  /** The peers file older sidecars wrote ({@code discover-peers}); kept while seid reads it. */
  public Path peersFile() {
    return config("peers.json");
  }

  /** A file directly in the home (the sidecar's task store and markers). */
  public Path homeFile(String name) {
    return file(name);
  }

  /** Where {@code snapshot-restore} puts a restored snapshot: {@code data/snapshots}. */
  public Path snapshotsDir() {
    return data("snapshots");
  }

  /**
   * The peers of {@code [p2p] persistent-peers} in {@code config/config.toml}, each {@code
   * <nodeId>@<host>:<port>}; empty when the file or the key is missing.
   */
  public List<String> persistentPeers() throws IOException {
    Map<String, Object> doc = readToml(configTomlFile());
    if (!(doc.get("p2p") instanceof Map<?, ?> p2p)
        || !(p2p.get("persistent-peers") instanceof String raw)) {
      return List.of();
    }
    List<String> peers = new ArrayList<>();
    for (String peer : raw.split(",")) {
      if (!peer.isBlank()) {
        peers.add(peer.strip());
      }
    }
    return List.copyOf(peers);
  }

  /** Reads a TOML file; empty when it does not exist, an {@link IOException} when malformed. */
  public Map<String, Object> readToml(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new LinkedHashMap<>();
    }
    return Toml.read(Files.readString(file), file.toString());
  }

  /** Writes a TOML file atomically. */
  public void writeToml(Path file, Map<String, Object> doc) throws IOException {
    writeBytes(file, Toml.write(doc).getBytes(StandardCharsets.UTF_8));
  }

  public Path validatorKeyFile() {
    return config("priv_validator_key.json");
  }

  public Path nodeKeyFile() {
    return config("node_key.json");
  }

  public Path stateFile() {
    return data("sim-state.json");
  }

  public Path upgradeInfoFile() {
    return data("upgrade-info.json");
  }

  public NodeState readState() throws IOException {
    Optional<JsonNode> json = read(stateFile());
    return json.isEmpty() ? NodeState.EMPTY : Json.convert(json.get(), NodeState.class);
  }

  public void writeState(NodeState state) throws IOException {
    write(stateFile(), state);
  }

  /** Reads a JSON file; empty when it does not exist, an {@link IOException} when malformed. */
  public Optional<JsonNode> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.parse(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  public void write(Path file, Object value) throws IOException {
    writeBytes(file, Json.bytes(value));
  }

  /** Writes {@code content} atomically (a temp file beside {@code file}, then a move). */
  public void writeBytes(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.write(temp, content);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A stable 40-hex-digit id for {@code seed}, shaped like a CometBFT node id. */
  public static String hexId(String seed) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
