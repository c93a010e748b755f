package io.sei.operator.simulator.chain;

import static io.sei.operator.simulator.support.Sim.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.simulator.support.Sim;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chain as an S3-compatible store of snapshots and genesis files, for any bucket. */
class ChainS3Test {

  private final Sim sim = new Sim();

  @AfterEach
  void stopAll() {
    sim.close();
  }

  @Test
  void listsEverySnapshotTakenUnderAnyChainPrefix() {
    String chain = sim.chain("--block-time-ms", "10", "--snapshot-interval", "5");
    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) >= 11);

    HttpResponse<String> list =
        request(
            chain + "/any-bucket?list-type=2&prefix=pacific-1%2Fstate-sync%2F",
            "GET",
            null,
            Map.of());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(list.body())
        .contains(
            "<ListBucketResult",
            "<Name>any-bucket</Name>",
            "<IsTruncated>false</IsTruncated>",
            "<Key>pacific-1/state-sync/5.tar.gz</Key>",
            "<Key>pacific-1/state-sync/10.tar.gz</Key>")
        .doesNotContain("/0.tar.gz");

    assertThat(request(chain + "/b?list-type=2&prefix=other/", "GET", null, Map.of()).body())
        .contains("<KeyCount>0</KeyCount>")
        .doesNotContain("<Contents>");
  }

  @Test
  void servesATakenSnapshotAsJsonAndNoSuchKeyOtherwise() {
    String chain = sim.chain("--block-time-ms", "10", "--snapshot-interval", "5");
    await().atMost(Duration.ofSeconds(10)).until(() -> Sim.chainHeight(chain) >= 11);

    assertThat(Sim.get(chain + "/snaps/sei-x/state-sync/10.tar.gz").path("height").asLong())
        .isEqualTo(10);
    for (String key :
        new String[] {"sei-x/state-sync/7.tar.gz", "sei-x/state-sync/100000.tar.gz", "nope"}) {
      HttpResponse<String> missing = request(chain + "/snaps/" + key, "GET", null, Map.of());
      assertThat(missing.statusCode()).as(key).isEqualTo(404);
      assertThat(missing.body()).contains("<Code>NoSuchKey</Code>");
    }
    assertThat(Sim.get(chain + "/snapshot?atOrBelow=12").path("height").asLong()).isEqualTo(10);
  }

  @Test
  void servesAGenesisForAnyChainId() {
    String chain = sim.chain("--block-time-ms", "50");
    assertThat(
            Sim.get(chain + "/genesis-bucket/sei-devnet-3/genesis.json").path("chain_id").asText())
        .isEqualTo("sei-devnet-3");
    assertThat(Sim.get(chain + "/status").path("result").has("sync_info")).isTrue();
  }
}
