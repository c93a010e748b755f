package io.sei.operator.simulator.seid;

import static io.sei.operator.simulator.support.Sim.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.support.Sim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    List<String> args =
        new ArrayList<>(
            List.of(
                "seid",
                "start",
                "--home",
                home.toString(),
                "--version",
                version,
                "--peer",
                chain,
                "--rpc-listen",
                "127.0.0.1:0",
                "--standalone",
                "--sync-interval-ms",
                "1"));
    args.addAll(List.of(extra));
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
    for (Path home : List.of(incumbent, entrant)) {
      writeKey(home, "VALKEY");
      Files.writeString(
          home.resolve("config/node_key.json"),
          "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":\"SAMENODE\"}}");
    }

    seid(incumbent, "v1.0.0", chain);
    seid(entrant, "v1.0.0", chain);

    await("evidence for the shared key")
        .atMost(Duration.ofSeconds(15))
        .until(() -> get(chain + "/evidence").path("evidence").size() > 0);
    assertThat(get(chain + "/evidence").path("evidence").get(0).path("signers")).hasSize(2);
  }

  @Test
  void waitsForItsSidecarAndFollowsThePeersDiscoverPeersWrote() throws IOException {
    String chain = sim.chain("--block-time-ms", "20");
    Path home = tmp.resolve("node");
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/peers.json"),
        "{\"addresses\":[\"abcdef@" + chain.substring("http://".length()) + "\"]}");
    Sim.Proc sidecar = sim.start("sidecar", "--home", home.toString(), "--listen", "127.0.0.1:0");
    String sidecarUrl = "http://" + sidecar.awaitLine("SIDECAR listening=(\\S+)");

    Sim.Proc node =
        sim.start(
            "seid",
            "start",
            "--home",
            home.toString(),
            "--version",
            "v1.0.0",
            "--rpc-listen",
            "127.0.0.1:0",
            "--sidecar-url",
            sidecarUrl,
            "--halt-height",
            "3");
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
