package io.sei.operator.simulator.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChainLedgerTest {

  private final AtomicLong clock = new AtomicLong(1_000);
  private final List<String> log = new ArrayList<>();

  private ChainLedger ledger(Long resumeAfterMs, String... upgrades) {
    List<Upgrade> parsed = new ArrayList<>();
    for (String u : upgrades) {
      parsed.add(Upgrade.parse(u));
    }
    return new ChainLedger(
        new ChainConfig("127.0.0.1:0", 10, parsed, 10, resumeAfterMs), clock::get, log::add);
  }

  private static void ticks(ChainLedger ledger, int n) {
    for (int i = 0; i < n; i++) {
      ledger.tick();
    }
  }

  @Test
  void haltsBeforeTheUpgradeHeightUntilAFollowerWithTheHandlerIsThere() {
    ChainLedger ledger = ledger(null, "v6.4.0@5");
    ticks(ledger, 10);
    assertThat(ledger.status().height()).isEqualTo(4);
    assertThat(ledger.status().haltedAt().name()).isEqualTo("v6.4.0");

    ledger.report("old", "v6.3.0", 4, null);
    ticks(ledger, 3);
    assertThat(ledger.status().height()).isEqualTo(4);

    ledger.report("new", "v6.4.0", 4, null);
    ticks(ledger, 3);
    assertThat(ledger.status().height()).isEqualTo(7);
    assertThat(ledger.status().haltedAt()).isNull();
    assertThat(log)
        .containsExactly(
            "HALT height=4 upgrade=v6.4.0 upgrade_height=5", "RESUME upgrade=v6.4.0 height=5");
  }

  @Test
  void resumesOnATimerCountedFromTheHaltWhenConfigured() {
    ChainLedger ledger = ledger(500L, "v6.4.0@3");
    ticks(ledger, 5);
    assertThat(ledger.status().height()).isEqualTo(2);
    clock.addAndGet(499);
    ledger.tick();
    assertThat(ledger.status().height()).isEqualTo(2);
    clock.addAndGet(1);
    ledger.tick();
    assertThat(ledger.status().height()).isEqualTo(3);
  }

  @Test
  void twoNodesSigningOneHeightWithOneKeyIsEvidence() {
    ChainLedger ledger = ledger(null);
    ticks(ledger, 3);
    ledger.report("a", "v1", 2, "KEY");
    ledger.report("b", "v1", 2, "KEY");
    ledger.report("b", "v1", 2, "KEY");

    assertThat(ledger.evidence())
        .containsExactly(new ChainLedger.Evidence("KEY", 2, List.of("a", "b")));
  }

  @Test
  void oneNodeSigningEveryHeightIsNoEvidence() {
    ChainLedger ledger = ledger(null);
    ticks(ledger, 3);
    for (long h = 1; h <= 3; h++) {
      ledger.report("a", "v1", h, "KEY");
      ledger.report("a", "v1", h, "KEY");
    }
    ledger.report("b", "v1", 3, "OTHER");

    assertThat(ledger.evidence()).isEmpty();
    assertThat(ledger.signer("KEY").orElseThrow().lastHeight()).isEqualTo(3);
  }

  @Test
  void snapshotIsTheLatestAtOrBelowTheTargetWithItsUpgrades() {
    ChainLedger ledger = ledger(2L, "v6.4.0@15");
    ticks(ledger, 15);
    clock.addAndGet(5);
    ticks(ledger, 20);

    ChainLedger.Snapshot snapshot = ledger.snapshotAtOrBelow(29);
    assertThat(snapshot.height()).isEqualTo(20);
    assertThat(snapshot.upgrades()).extracting("name").containsExactly("v6.4.0");
    assertThat(ledger.snapshotAtOrBelow(12).upgrades()).isEmpty();
    assertThatThrownBy(() -> ledger.snapshotAtOrBelow(9))
        .hasMessageContaining("earliest snapshot is at height 10");
  }

  @Test
  void upgradeSpecsParseStoresAndRejectNonVersions() {
    assertThat(Upgrade.parse("v6.4.0@120+stores")).isEqualTo(new Upgrade("v6.4.0", 120, true));
    assertThatThrownBy(() -> Upgrade.parse("banana@12")).hasMessageContaining("semantic version");
    assertThatThrownBy(() -> Upgrade.parse("v1@x")).hasMessageContaining("bad height");
  }
}
