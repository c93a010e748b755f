package io.sei.operator.simulator.seid;

import static io.sei.operator.simulator.support.Sim.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.home.NodeKey;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.support.Sim;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeidTest {

  private final Sim sim = new Sim();
  @TempDir Path tmp;

  @AfterEach
  void stopAll() {
    sim.close();
  }

  private Sim.Proc seid(Path home, String version, String chain, String... extra) {
    List<String> args = new ArrayList<>(List.of("--peer", chain));
    args.addAll(List.of(extra));
    return start(home, version, args);
  }

  /** seid with its peers from config.toml (no --peer), RPC and P2P on free ports. */
  private Sim.Proc seidFromConfig(Path home, String... extra) {
    return start(home, "v1.0.0", List.of(extra));
  }

  /** seid on {@code home}: RPC and (unless {@code extra} names one) P2P on free ports. */
  private Sim.Proc start(Path home, String version, List<String> extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "seid",
                "start",
                "--home",
                home.toString(),
                "--version",
                version,
                "--rpc.laddr",
                "tcp://127.0.0.1:0",
                "--sync-interval-ms",
                "1"));
    args.addAll(extra);
    if (!args.contains("--p2p.laddr")) {
      args.addAll(List.of("--p2p.laddr", "tcp://127.0.0.1:0"));
    }
    return sim.start(args.toArray(String[]::new));
  }

  @Test
  void haltsAtTheHaltHeightThenARestartWithTheSameHomeContinues() {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");

    Sim.Proc first = seid(home, "v1.0.0", chain, "--halt-height", "5");
    assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(first.output()).contains("HALT height=5");

    Sim.Proc second = seid(home, "v1.0.0", chain, "--halt-height", "8");
    assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(second.output()).contains("height=5 rpc=").contains("HALT height=8");
  }

  @Test
  void aHaltHeightBehindTheDataExits130SayingSo() {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    assertThat(seid(home, "v1.0.0", chain, "--halt-height", "6").exitCode()).isZero();

    Sim.Proc behind = seid(home, "v1.0.0", chain, "--halt-height", "3");
    assertThat(behind.exitCode()).isEqualTo(ExitCodes.HALT_BEHIND_DATA);
    assertThat(behind.output()).contains("halt height 3 is behind the data");
  }

  @Test
  void theOldVersionPanicsAtTheUpgradeAndTheNewOneFromTheHeightBeforeAppliesIt()
      throws IOException {
    String chain = sim.chain("--block-time-ms", "20", "--upgrade", "v6.4.0@8");
    Path oldHome = tmp.resolve("old");
    Path newHome = tmp.resolve("new");
    assertThat(seid(oldHome, "v6.3.0", chain, "--halt-height", "7").exitCode()).isZero();
    assertThat(seid(newHome, "v6.3.0", chain, "--halt-height", "7").exitCode()).isZero();

    Sim.Proc old = seid(oldHome, "v6.3.0", chain);
    Sim.Proc upgraded = seid(newHome, "v6.4.0", chain, "--halt-height", "10");

    assertThat(upgraded.exitCode()).isZero();
    assertThat(upgraded.output())
        .contains("UPGRADE applied name=v6.4.0 height=8", "HALT height=10");
    assertThat(old.exitCode()).isEqualTo(ExitCodes.PANIC);
    assertThat(old.output()).contains("UPGRADE \"v6.4.0\" NEEDED at height: 8");
    assertThat(Files.readString(oldHome.resolve("data/upgrade-info.json")))
        .contains("\"name\" : \"v6.4.0\"", "\"height\" : 8");
    assertThat(Files.readString(newHome.resolve("data/sim-state.json"))).contains("v6.4.0");
  }

  @Test
  void aBinaryAheadOfTheTriggerPanics() {
    String chain = sim.chain("--block-time-ms", "20", "--upgrade", "v6.4.0@50");
    Sim.Proc ahead = seid(tmp.resolve("n"), "v6.4.0", chain);
    assertThat(ahead.exitCode()).isEqualTo(ExitCodes.PANIC);
    assertThat(ahead.output()).contains("BINARY UPDATED BEFORE TRIGGER! UPGRADE \"v6.4.0\"");
  }

  @Test
  void anUpgradeAddingStoresNeedsTheUpgradeInfoTheOldBinaryWrote() {
    String chain = sim.chain("--block-time-ms", "20", "--upgrade", "v6.4.0@6+stores");
    Path halted = tmp.resolve("halted");
    Path panicked = tmp.resolve("panicked");
    assertThat(seid(halted, "v6.3.0", chain, "--halt-height", "5").exitCode()).isZero();
    assertThat(seid(panicked, "v6.3.0", chain, "--halt-height", "5").exitCode()).isZero();

    // the new binary on data the old one left at a clean halt: the network resumes, the store
    // panics
    Sim.Proc withoutInfo = seid(halted, "v6.4.0", chain);
    assertThat(withoutInfo.exitCode()).isEqualTo(ExitCodes.PANIC);
    assertThat(withoutInfo.output()).contains("version of store", "mismatch");

    // the old binary panics at the upgrade and writes upgrade-info.json; the new one then applies
    // it
    assertThat(seid(panicked, "v6.3.0", chain).exitCode()).isEqualTo(ExitCodes.PANIC);
    Sim.Proc withInfo = seid(panicked, "v6.4.0", chain, "--halt-height", "7");
    assertThat(withInfo.exitCode()).isZero();
    assertThat(withInfo.output()).contains("UPGRADE applied name=v6.4.0 height=6");
  }

  @Test
  void anOldBinaryPanicsAtTheUpgradeWhileTheChainWaitsForUpgradedNodes() throws IOException {
    // No --resume-after-upgrade-ms: the chain stays at H-1 until a node with the handler is there.
    String chain = sim.chain("--block-time-ms", "20", "--upgrade", "v2.0.0@8");
    Sim.Proc old = seid(tmp.resolve("old"), "v1.0.0", chain);

    assertThat(old.exitCode()).isEqualTo(ExitCodes.PANIC);
    assertThat(old.output()).contains("UPGRADE \"v2.0.0\" NEEDED at height: 8");
    assertThat(
            get(chain + "/status")
                .path("result")
                .path("sync_info")
                .path("latest_block_height")
                .asLong())
        .as("the chain still waits at H-1")
        .isEqualTo(7);
  }

  @Test
  void twoNodesSigningWithOneKeyProduceEvidenceAndOneDoesNot() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path solo = tmp.resolve("solo");
    Path twinA = tmp.resolve("twin-a");
    Path twinB = tmp.resolve("twin-b");
    writeKey(solo, "SOLOKEY");
    writeKey(twinA, "TWINKEY");
    writeKey(twinB, "TWINKEY");

    seid(solo, "v1.0.0", chain);
    seid(twinA, "v1.0.0", chain);
    seid(twinB, "v1.0.0", chain);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> get(chain + "/evidence").path("evidence").size() > 0);
    assertThat(get(chain + "/evidence").path("evidence"))
        .allSatisfy(e -> assertThat(e.path("address").asText()).isEqualTo("TWINKEY"));
    assertThat(get(chain + "/signatures?address=SOLOKEY").path("count").asLong()).isPositive();
  }

  @Test
  void twoPodsSharingANodeKeyAndASigningKeyOnTwoDataDirectoriesProduceEvidence()
      throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path incumbent = tmp.resolve("incumbent");
    Path entrant = tmp.resolve("entrant");
    Map<String, Object> nodeKey = NodeKey.generate();
    for (Path home : List.of(incumbent, entrant)) {
      writeKey(home, "VALKEY");
      new NodeHome(home).write(home.resolve("config/node_key.json"), nodeKey);
    }

    seid(incumbent, "v1.0.0", chain);
    seid(entrant, "v1.0.0", chain);

    await("evidence for the shared key")
        .atMost(Duration.ofSeconds(15))
        .until(() -> get(chain + "/evidence").path("evidence").size() > 0);
    assertThat(get(chain + "/evidence").path("evidence").get(0).path("signers")).hasSize(2);
  }

  @Test
  void waitsForASidecarOnlyWhenGivenOneAndFollowsThePersistentPeersOfConfigToml()
      throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    writePeers(home, CHAIN_ID + "@" + hostPort(chain));
    Sim.Proc sidecar = sim.start("sidecar", "--home", home.toString(), "--listen", "127.0.0.1:0");
    String sidecarUrl = "http://" + sidecar.awaitLine("SIDECAR listening=(\\S+)");

    Sim.Proc node =
        seidFromConfig(home, "--halt-height", "3", "--standalone", "--sidecar-url", sidecarUrl);
    node.awaitLine("WAIT sidecar");
    // Nothing can move it on before mark-ready: it has not joined the chain and still runs.
    assertThat(node.output()).doesNotContain("SEID node=");
    assertThat(node.running.exit()).isNotDone();

    Sim.request(
        sidecarUrl + "/v0/tasks",
        "POST",
        "{\"type\":\"mark-ready\",\"params\":{}}",
        java.util.Map.of());
    assertThat(node.exitCode()).isZero();
    assertThat(node.output()).contains("SIDECAR ready", "HALT height=3");
  }

  @Test
  void theSidecarUrlFromTheEnvironmentIsWaitedFor() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    writePeers(home, CHAIN_ID + "@" + hostPort(chain));
    Sim.Proc node =
        sim.start(
            Map.of("SEI_SIDECAR_URL", "http://127.0.0.1:1"),
            "seid",
            "start",
            "--home",
            home.toString(),
            "--version",
            "v1.0.0",
            "--rpc.laddr",
            "127.0.0.1:0",
            "--p2p.laddr",
            "127.0.0.1:0");
    node.awaitLine("WAIT sidecar=http://127.0.0.1:1/v0/healthz");
    assertThat(node.running.exit()).isNotDone();
  }

  @Test
  void withoutASidecarUrlItStartsAtOnceWithNoSidecarAnywhere() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    writePeers(home, CHAIN_ID + "@" + hostPort(chain));
    Sim.Proc node = seidFromConfig(home, "--halt-height", "3");
    assertThat(node.exitCode()).as(node::output).isZero();
    assertThat(node.output()).doesNotContain("WAIT sidecar", "SIDECAR").contains("HALT height=3");
  }

  @Test
  void withoutConfigTomlAndWithoutPeerFlagsItExits1() {
    Sim.Proc node = seidFromConfig(tmp.resolve("empty"));
    assertThat(node.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(node.output())
        .contains("ERROR no peers: ")
        .contains("config.toml has no p2p.persistent-peers");
  }

  @Test
  void aPersistentPeerWithoutANodeIdIsAConfigurationError() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    writePeers(home, hostPort(chain));
    Sim.Proc node = seidFromConfig(home);
    assertThat(node.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(node.output()).contains("bad p2p.persistent-peers entry");
  }

  @Test
  void writesANodeKeyOnItsFirstStartAndKeepsItsIdAcrossRestarts() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    Sim.Proc first = seid(home, "v1.0.0", chain, "--halt-height", "2");
    assertThat(first.exitCode()).isZero();
    assertThat(first.output()).contains("NODE KEY generated");

    NodeHome nodeHome = new NodeHome(home);
    String id = NodeKey.nodeId(nodeHome).orElseThrow();
    assertThat(id).matches("[0-9a-f]{40}");
    assertThat(first.output()).contains("SEID node=" + id + " ");

    Sim.Proc second = seid(home, "v1.0.0", chain);
    String rpc = "http://" + second.awaitLine("rpc=(\\S+)");
    assertThat(second.output()).doesNotContain("NODE KEY generated");
    assertThat(get(rpc + "/status").path("result").path("node_info").path("id").asText())
        .isEqualTo(id);
  }

  @Test
  void theNodeIdIsTheIdOfTheMountedNodeKey() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/node_key.json"), FIXED_NODE_KEY);
    Sim.Proc node = seid(home, "v1.0.0", chain);
    String rpc = "http://" + node.awaitLine("rpc=(\\S+)");
    assertThat(get(rpc + "/status").path("result").path("node_info").path("id").asText())
        .isEqualTo(FIXED_NODE_ID);
    assertThat(Files.readString(home.resolve("config/node_key.json"))).isEqualTo(FIXED_NODE_KEY);
  }

  @Test
  void aMalformedNodeKeyExits1() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/node_key.json"),
        "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":\"c2hvcnQ=\"}}");
    Sim.Proc node = seid(home, "v1.0.0", chain);
    assertThat(node.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(node.output()).contains("must be a 64-byte Ed25519 private key");
  }

  @Test
  void aPeerWhoseIdIsNotTheOneItWasGivenIsNeverFollowed() throws IOException {
    String chain = sim.chain("--block-time-ms", "20", "--node-id", OTHER_ID);
    Path home = tmp.resolve("node");
    writePeers(home, CHAIN_ID + "@" + hostPort(chain));
    Sim.Proc node = seidFromConfig(home);
    String rpc = "http://" + node.awaitLine("rpc=(\\S+)");

    node.awaitLine("(PEER id mismatch: .*)");
    await("the chain moves on, the node does not")
        .atMost(Duration.ofSeconds(10))
        .until(() -> Sim.chainHeight(chain) > 10);
    assertThat(height(rpc)).isZero();
    assertThat(node.output())
        .contains(
            "PEER id mismatch: dialed "
                + CHAIN_ID
                + "@"
                + hostPort(chain)
                + " but the peer is "
                + OTHER_ID);
    assertThat(node.output().split("PEER id mismatch", -1)).as("logged once").hasSize(2);
    assertThat(get(chain + "/followers").path("followers")).isEmpty();
  }

  @Test
  void aMismatchedPeerIsSkippedForOneWithTheRightId() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    writePeers(home, OTHER_ID + "@" + hostPort(chain) + "," + CHAIN_ID + "@" + hostPort(chain));
    Sim.Proc node = seidFromConfig(home, "--halt-height", "5");
    assertThat(node.exitCode()).as(node::output).isZero();
    assertThat(node.output()).contains("PEER id mismatch: dialed " + OTHER_ID + "@");
  }

  @Test
  void aNodeFollowsTheChainThroughAnotherNodesP2pPortAndReportsAsItself() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path relayHome = tmp.resolve("relay");
    writePeers(relayHome, CHAIN_ID + "@" + hostPort(chain));
    Sim.Proc relay = seidFromConfig(relayHome);
    String relayP2p = relay.awaitLine("p2p=(\\S+)");
    String relayId = NodeKey.nodeId(new NodeHome(relayHome)).orElseThrow();
    assertThat(
            get("http://" + relayP2p + "/status")
                .path("result")
                .path("node_info")
                .path("id")
                .asText())
        .as("the P2P port answers as the relaying node")
        .isEqualTo(relayId);

    Path leafHome = tmp.resolve("leaf");
    writePeers(leafHome, relayId + "@" + relayP2p);
    writeKey(leafHome, "LEAFKEY");
    Sim.Proc leaf = seidFromConfig(leafHome);
    String leafRpc = "http://" + leaf.awaitLine("rpc=(\\S+)");
    String leafId = NodeKey.nodeId(new NodeHome(leafHome)).orElseThrow();

    await("the leaf follows the chain through the relay")
        .atMost(Duration.ofSeconds(15))
        .until(() -> height(leafRpc) > 10);
    assertThat(leaf.output()).doesNotContain("PEER id mismatch");
    var signer = get(chain + "/signatures?address=LEAFKEY");
    assertThat(signer.path("count").asLong()).isPositive();
    assertThat(signer.path("nodes").toString())
        .as("the signature keeps the signer's identity, not the relay's")
        .contains(leafId)
        .doesNotContain(relayId);
  }

  @Test
  void aNodeDiallingARelayUnderAnotherIdSkipsIt() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path relayHome = tmp.resolve("relay");
    writePeers(relayHome, CHAIN_ID + "@" + hostPort(chain));
    Sim.Proc relay = seidFromConfig(relayHome);
    String relayP2p = relay.awaitLine("p2p=(\\S+)");
    String relayId = NodeKey.nodeId(new NodeHome(relayHome)).orElseThrow();

    Path leafHome = tmp.resolve("leaf");
    writePeers(leafHome, OTHER_ID + "@" + relayP2p);
    Sim.Proc leaf = seidFromConfig(leafHome);
    leaf.awaitLine(
        "(PEER id mismatch: dialed " + OTHER_ID + "@\\S+ but the peer is " + relayId + ")");
  }

  @Test
  void twoNodesPeeringOnlyWithEachOtherGoNowhereAndKeepRunning() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path homeA = tmp.resolve("a");
    Path homeB = tmp.resolve("b");
    NodeHome a = new NodeHome(homeA);
    NodeHome b = new NodeHome(homeB);
    a.write(a.nodeKeyFile(), NodeKey.generate());
    b.write(b.nodeKeyFile(), NodeKey.generate());
    int portA = freePort();
    int portB = freePort();
    writePeers(homeA, NodeKey.nodeId(b).orElseThrow() + "@127.0.0.1:" + portB);
    writePeers(homeB, NodeKey.nodeId(a).orElseThrow() + "@127.0.0.1:" + portA);
    Sim.Proc nodeA = seidFromConfig(homeA, "--p2p.laddr", "127.0.0.1:" + portA);
    Sim.Proc nodeB = seidFromConfig(homeB, "--p2p.laddr", "127.0.0.1:" + portB);
    String rpcA = "http://" + nodeA.awaitLine("rpc=(\\S+)");
    nodeB.awaitLine("rpc=(\\S+)");

    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) > 10);
    assertThat(height(rpcA)).isZero();
    assertThat(nodeA.running.exit()).isNotDone();
    assertThat(nodeB.running.exit()).isNotDone();
  }

  @Test
  void servesItsHeightOnStatus() {
    String chain = sim.chain("--block-time-ms", "20");
    Sim.Proc node = seid(tmp.resolve("n"), "v1.0.0", chain);
    String rpc = "http://" + node.awaitLine("rpc=(\\S+)");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var sync = get(rpc + "/status").path("result").path("sync_info");
              assertThat(sync.path("latest_block_height").asLong()).isGreaterThan(2);
              assertThat(sync.path("catching_up").asBoolean()).isFalse();
            });
  }

  /** The default node id of the chain, as tests address it. */
  private static final String CHAIN_ID = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";

  private static final String OTHER_ID = "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";

  /** A valid Ed25519 node key (seed and public key) and the node id it gives. */
  private static final String FIXED_NODE_KEY =
      "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":"
          + "\"Oh+d6ZwMaYJ9Yw9fK1p8t8mj06v3pzdDEP6k8FbQIw5IpbicSz9oEjyekTZNu5ziDy+JtYjyWiAJFVi+URr5DA==\"}}";

  private static final String FIXED_NODE_ID = "d0652545829dcb395f84150fb0bb3de53520cc27";

  private static String hostPort(String url) {
    return url.substring("http://".length());
  }

  private static long height(String rpc) {
    return get(rpc + "/status")
        .path("result")
        .path("sync_info")
        .path("latest_block_height")
        .asLong();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A config.toml as config-apply writes it, with these persistent peers. */
  static void writePeers(Path home, String peers) throws IOException {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/config.toml"),
        "# written by the test\nmoniker = \"node\"\n\n[p2p]\nladdr = \"tcp://0.0.0.0:26656\"\n"
            + "persistent-peers = \""
            + peers
            + "\"\n");
  }

  static void writeKey(Path home, String address) throws IOException {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/priv_validator_key.json"),
        "{\"address\":\""
            + address
            + "\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\"cHVi\"},"
            + "\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":\"cHJpdg==\"}}");
  }
}
