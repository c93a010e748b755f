package io.sei.operator.simulator.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodAddressesTest {

  @Test
  void twoKubeletsGetDisjointBlocksAndNeverTheHostsAddress() {
    try (PodAddresses first = PodAddresses.claim();
        PodAddresses second = PodAddresses.claim()) {
      assertThat(first.block()).isNotEqualTo(second.block());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        String a = first.allocate();
        String b = second.allocate();
        assertThat(a).startsWith("127.").doesNotStartWith("127.0.");
        assertThat(seen.add(a)).as("unique %s", a).isTrue();
        assertThat(seen.add(b)).as("unique %s", b).isTrue();
      }
    }
  }

  @Test
  void aClosedKubeletsBlockCanBeClaimedAgainAndReleasedAddressesAreReusedOnlyWhenItIsUsedUp() {
    String block;
    try (PodAddresses addresses = PodAddresses.claim()) {
      block = addresses.block();
      String ip = addresses.allocate();
      addresses.release(ip);
      assertThat(addresses.allocate())
          .as("a fresh address, not the one just released")
          .isNotEqualTo(ip);
      Set<String> seen = new HashSet<>();
      // 65534 addresses in x.x.0.1 .. x.x.255.254; two are taken.
      for (int i = 0; i < 65532; i++) {
        seen.add(addresses.allocate());
      }
      assertThat(seen).doesNotContain(ip).hasSize(65532);
      assertThat(addresses.allocate()).as("the block used up: the released one").isEqualTo(ip);
      assertThatThrownBy(addresses::allocate).hasMessageContaining("out of pod addresses");
    }
    try (PodAddresses again = PodAddresses.claim()) {
      assertThat(again.block()).isEqualTo(block);
    }
  }
}
