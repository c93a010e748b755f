package io.sei.operator.simulator.seid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.faults.FaultSource;
import io.sei.operator.simulator.faults.Faults;
import io.sei.operator.simulator.faults.SeidFaults;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.home.NodeState;
import io.sei.operator.simulator.net.HttpApi;
import io.sei.operator.simulator.net.HttpApi.Request;
import io.sei.operator.simulator.net.HttpApi.Response;
import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.proc.StopSignal;
import io.sei.operator.simulator.seid.Peers.Peer;
import io.sei.operator.simulator.version.SemVer;
import io.sei.operator.simulator.version.VersionSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated {@code seid start}: follows the chain from the peers it was configured with (each
 * {@code <id>@host:port} peer only once the node there proves to be {@code <id>}), persists its
 * height under {@code --home}, applies or panics at upgrades, signs with a mounted key, serves a
 * CometBFT-shaped {@code /status} on its RPC port and relays the chain on its P2P port (see {@link
 * Relay}) so that other nodes can peer with it. It waits for a sidecar only when told to ({@code
 * --sidecar-url} / {@code SEI_SIDECAR_URL}).
 */
public final class Seid implements SimProcess {

  /** A Go panic: the process ends with {@link ExitCodes#PANIC}. */
  private static final class Panic extends Exception {
    Panic(String message) {
      super(message);
    }
  }

  /** The process stopped while waiting. */
  private static final class Stopped extends Exception {}

  private final SeidConfig config;
  private final SimContext context;
  private final NodeHome home;
  private final FaultSource faults;
  private final SimHttp http;
  private final StopSignal stop = new StopSignal();
  private final CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
  private final CompletableFuture<InetSocketAddress> p2pListening = new CompletableFuture<>();

  private SemVer version;
  private volatile NodeIdentity identity;
  private List<Peer> peers = List.of();
  private int currentPeer;
  private boolean peersDownReported;

  /** Peers whose node id this node checked since it last connected to them. */
  private final Set<Peer> verified = new HashSet<>();

  /** Peers whose id mismatch was already logged. */
  private final Set<Peer> mismatchReported = new HashSet<>();

  /** The peer of the last successful call: where the relay forwards to. */
  private volatile Peer upstream;

  private volatile long height;
  private volatile long chainHeight;
  private volatile boolean reachedTip;

  public Seid(SeidConfig config, SimContext context) {
    this.config = config;
    this.context = context;
    this.home = new NodeHome(config.home().toString(), context.fs());
    this.faults = new FaultSource(new Faults(config.faults(), null), home.root(), context);
    this.http = context.http();
  }

  /** Completes with the RPC address once {@code /status} is served. */
  public CompletableFuture<InetSocketAddress> listening() {
    return listening;
  }

  /** Completes with the P2P (relay) address once it is served. */
  public CompletableFuture<InetSocketAddress> p2pListening() {
    return p2pListening;
  }

  @Override
  public void stop() {
    stop.raise();
  }

  @Override
  public int run() {
    HttpApi rpc = null;
    HttpApi p2p = null;
    try {
      version = VersionSource.resolve(config.version(), context.env());
      if (seidFaults().crashesOnStart()) {
        throw new Panic("simulated crash on start (fault crashOnStart)");
      }
      context.log("SEID start version=" + version + " home=" + home.root());
      if (config.sidecarUrl() != null) {
        awaitSidecar();
      }
      NodeState state = home.readState();
      height = state.height();
      if (config.haltHeight() > 0 && state.height() > config.haltHeight()) {
        context.fatal(
            "ERROR halt height "
                + config.haltHeight()
                + " is behind the data: the node has already committed height "
                + state.height());
        return ExitCodes.HALT_BEHIND_DATA;
      }
      if (config.haltHeight() > 0 && state.height() == config.haltHeight()) {
        context.log("HALT height=" + state.height() + " (already committed)");
        return ExitCodes.OK;
      }
      identity = NodeIdentity.load(home);
      if (identity.generatedNodeKey()) {
        context.log("NODE KEY generated " + home.nodeKeyFile());
      }
      peers = Peers.resolve(config.peers(), home);
      if (peers.isEmpty()) {
        throw new IllegalArgumentException(
            "no peers: no --peer given and "
                + home.configTomlFile()
                + " has no p2p.persistent-peers");
      }
      rpc = HttpApi.start(context.net().listen(config.rpcListen()), "sim-seid-rpc", 2, this::rpc);
      Relay relay = new Relay(context, () -> identity.nodeId(), () -> upstream, this::status);
      p2p = HttpApi.start(context.net().listen(config.p2pListen()), "sim-seid-p2p", 4, relay);
      listening.complete(rpc.address());
      p2pListening.complete(p2p.address());
      context.log(
          "SEID node="
              + identity.nodeId()
              + " height="
              + state.height()
              + " rpc="
              + rpc.hostPort()
              + " p2p="
              + p2p.hostPort()
              + identity.signerAddress().map(a -> " signer=" + a).orElse(""));
      return follow(state, fetchUpgrades());
    } catch (Panic p) {
      context.fatal("panic: " + p.getMessage());
      return ExitCodes.PANIC;
    } catch (Stopped s) {
      context.log("SEID stopped height=" + height);
      return ExitCodes.STOPPED;
    } catch (IOException | IllegalArgumentException e) {
      context.fatal("ERROR " + e.getMessage());
      return ExitCodes.ERROR;
    } finally {
      listening.completeExceptionally(new IllegalStateException("seid exited"));
      p2pListening.completeExceptionally(new IllegalStateException("seid exited"));
      if (p2p != null) {
        p2p.close();
      }
      if (rpc != null) {
        rpc.close();
      }
    }
  }

  private SeidFaults seidFaults() {
    return faults.current().seid();
  }

  private void awaitSidecar() throws Stopped {
    URI healthz = URI.create(config.sidecarUrl().replaceAll("/+$", "") + "/v0/healthz");
    context.log("WAIT sidecar=" + healthz);
    while (true) {
      try {
        if (http.get(healthz).status() == 200) {
          context.log("SIDECAR ready");
          return;
        }
      } catch (IOException | UncheckedIOException notYet) {
        // the sidecar is not listening yet: keep polling
      }
      pause(config.pollIntervalMs());
    }
  }

  private void pause(long millis) throws Stopped {
    if (stop.await(millis)) {
      throw new Stopped();
    }
  }

  private List<Upgrade> fetchUpgrades() throws Stopped, IOException {
    while (true) {
      Optional<JsonNode> reply = callChain(peer -> http.get(peer.resolve("/upgrades")));
      if (reply.isPresent()) {
        List<Upgrade> upgrades = new ArrayList<>();
        for (JsonNode u : reply.get().path("upgrades")) {
          upgrades.add(Json.convert(u, Upgrade.class));
        }
        return upgrades;
      }
      pause(config.pollIntervalMs());
    }
  }

  /**
   * A peer call with fail-over: the JSON of the first peer that answers 2xx, else empty. A peer
   * given as {@code <id>@host:port} is called only after its {@code /status} proved it is {@code
   * <id>}; the check is made again after any failed call (a new connection, as CometBFT handshakes
   * on every dial).
   */
  private Optional<JsonNode> callChain(PeerCall call) {
    for (int tried = 0; tried < peers.size(); tried++) {
      Peer peer = peers.get(currentPeer);
      try {
        if (handshake(peer)) {
          SimHttp.Reply reply = call.on(peer.url());
          if (reply.ok()) {
            if (peersDownReported) {
              context.log("PEER reachable " + peer);
              peersDownReported = false;
            }
            upstream = peer;
            return Optional.of(reply.body());
          }
        }
      } catch (IOException | UncheckedIOException unreachable) {
        // try the next peer (a name that does not resolve fails here too)
      }
      verified.remove(peer);
      if (upstream == peer) {
        upstream = null;
      }
      currentPeer = (currentPeer + 1) % peers.size();
    }
    if (!peersDownReported) {
      context.log("WAIT peers unreachable: " + peers);
      peersDownReported = true;
    }
    return Optional.empty();
  }

  /** Whether {@code peer} is the node it was configured as (always, for a peer without an id). */
  private boolean handshake(Peer peer) throws IOException {
    if (peer.nodeId().isEmpty() || verified.contains(peer)) {
      return true;
    }
    SimHttp.Reply status = http.get(peer.url().resolve("/status"));
    if (!status.ok()) {
      return false;
    }
    String actual = status.body().path("result").path("node_info").path("id").asText("");
    if (!peer.is(actual)) {
      if (mismatchReported.add(peer)) {
        context.log(
            "PEER id mismatch: dialed "
                + peer.address()
                + " but the peer is "
                + (actual.isEmpty() ? "(no node id)" : actual));
      }
      return false;
    }
    verified.add(peer);
    return true;
  }

  @FunctionalInterface
  private interface PeerCall {
    SimHttp.Reply on(URI peer) throws IOException;
  }

  private int follow(NodeState initial, List<Upgrade> upgrades) throws Panic, Stopped, IOException {
    NodeState state = initial;
    boolean stallReported = false;
    while (true) {
      SeidFaults f = seidFaults();
      long next = state.height() + 1;
      Optional<Upgrade> pending = pendingUpgrade(upgrades, state, next);
      if (pending.isPresent()
          && pending.get().height() > next
          && pending.get().handledBy(version)) {
        throw new Panic(
            "BINARY UPDATED BEFORE TRIGGER! UPGRADE \""
                + pending.get().name()
                + "\" - in binary but not executed on chain. Downgrade your binary");
      }
      if (f.stallsAt(state.height())) {
        if (!stallReported) {
          context.log("STALL height=" + state.height());
          stallReported = true;
        }
        report(state.height(), false);
        pause(config.pollIntervalMs());
        continue;
      }
      stallReported = false;
      if (pending.isPresent()
          && pending.get().height() == next
          && !pending.get().handledBy(version)) {
        // At H-1 a binary without the handler panics at once, like a real node entering the
        // upgrade height: the chain halts there until upgraded nodes carry it on, so waiting for
        // block H would wait forever.
        applyUpgrade(state, pending.get(), f);
      }
      if (chainHeight < next) {
        report(state.height(), false);
        if (chainHeight < next) {
          reachedTip = true;
          pause(config.pollIntervalMs());
          continue;
        }
      }
      if (f.crashesAt(next)) {
        throw new Panic("simulated crash at height " + next + " (fault crashAtHeight)");
      }
      if (pending.isPresent() && pending.get().height() == next) {
        state = applyUpgrade(state, pending.get(), f);
      }
      state = state.withHeight(next);
      home.writeState(state);
      height = next;
      report(next, true);
      if (config.haltHeight() == next) {
        context.log("HALT height=" + next);
        return ExitCodes.OK;
      }
      pause(f.syncIntervalMs() != null ? f.syncIntervalMs() : config.syncIntervalMs());
    }
  }

  private static Optional<Upgrade> pendingUpgrade(
      List<Upgrade> upgrades, NodeState state, long next) {
    return upgrades.stream()
        .filter(u -> u.height() >= next && !state.applied(u.name()))
        .findFirst();
  }

  private NodeState applyUpgrade(NodeState state, Upgrade upgrade, SeidFaults f)
      throws Panic, IOException {
    if (!upgrade.handledBy(version)) {
      home.write(
          home.upgradeInfoFile(),
          Map.of("name", upgrade.name(), "height", upgrade.height(), "info", ""));
      throw new Panic(
          "UPGRADE \"" + upgrade.name() + "\" NEEDED at height: " + upgrade.height() + ": ");
    }
    if (f.crashesOnUpgrade()) {
      throw new Panic(
          "simulated crash applying upgrade \""
              + upgrade.name()
              + "\" at height "
              + upgrade.height()
              + " (fault crashOnUpgrade)");
    }
    if (upgrade.addsStores() && !upgradeInfoMatches(upgrade)) {
      throw new Panic(
          "version of store sim-"
              + upgrade.name()
              + " mismatch root store's version; expected "
              + (upgrade.height() - 1)
              + " got 0; new stores should be added using StoreUpgrades (no "
              + home.upgradeInfoFile()
              + " for upgrade \""
              + upgrade.name()
              + "\")");
    }
    context.log("UPGRADE applied name=" + upgrade.name() + " height=" + upgrade.height());
    return state.withUpgrade(upgrade.name(), upgrade.height());
  }

  private boolean upgradeInfoMatches(Upgrade upgrade) throws IOException {
    Optional<JsonNode> info = home.read(home.upgradeInfoFile());
    return info.isPresent()
        && upgrade.name().equals(info.get().path("name").asText())
        && upgrade.height() == info.get().path("height").asLong();
  }

  /** Tells the chain where this node is (signing {@code at} when it just committed it). */
  private void report(long at, boolean committed) {
    ObjectNode body = Json.object();
    // The chain tells signers apart by node id and data directory: two pods that share a node key
    // but not their data (an incumbent and an entrant of one validator) are two signers.
    body.put(
        "nodeId",
        identity.nodeId() + "/" + NodeHome.hexId(home.root().toString()).substring(0, 12));
    body.put("version", version.text());
    body.put("height", at);
    boolean sign = committed && identity.signerAddress().isPresent();
    identity.signerAddress().filter(a -> sign).ifPresent(a -> body.put("address", a));
    String path = sign ? "/signatures" : "/followers";
    callChain(peer -> http.post(peer.resolve(path), body))
        .ifPresent(reply -> chainHeight = reply.path("latest_block_height").asLong(chainHeight));
  }

  private Response rpc(Request request) {
    if (!request.path().equals("/status")) {
      return Response.error(404, "no route " + request.path());
    }
    return Response.json(200, status());
  }

  /** CometBFT-shaped status: this node's own id and height. */
  private ObjectNode status() {
    long h = height;
    boolean catchingUp = !reachedTip || chainHeight - h > 10;
    ObjectNode root = Json.object();
    root.put("jsonrpc", "2.0");
    root.put("id", -1);
    ObjectNode result = root.putObject("result");
    ObjectNode nodeInfo = result.putObject("node_info");
    nodeInfo.put("id", identity.nodeId());
    nodeInfo.put("version", version.text());
    ObjectNode sync = result.putObject("sync_info");
    sync.put("latest_block_height", Long.toString(h));
    sync.put("catching_up", catchingUp);
    identity.signerAddress().ifPresent(a -> result.putObject("validator_info").put("address", a));
    return root;
  }
}
