package io.sei.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.simulator.chain.Chain;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A simulated chain on the host's 127.0.0.1 (reachable from every simulated pod): the nodes' static
 * peer and, through its snapshots, the snapshot bucket.
 */
public final class SimChain implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunningProcess running;
  private final int port;

  /** A chain that resumes after an upgrade once an upgraded follower reaches it. */
  public SimChain(long blockTimeMs, List<Upgrade> upgrades, long snapshotInterval)
      throws Exception {
    this(blockTimeMs, upgrades, snapshotInterval, null);
  }

  /**
   * @param resumeAfterUpgradeMs resume this long after halting at an upgrade, whoever follows; null
   *     to wait for an upgraded follower
   */
  public SimChain(
      long blockTimeMs, List<Upgrade> upgrades, long snapshotInterval, Long resumeAfterUpgradeMs)
      throws Exception {
    Chain chain =
        new Chain(
            new ChainConfig(
                "127.0.0.1:0", blockTimeMs, upgrades, snapshotInterval, resumeAfterUpgradeMs),
            SimContext.system());
    running = RunningProcess.start("chain", chain);
    port = chain.listening().get(10, TimeUnit.SECONDS).getPort();
  }

  /** The chain's address, also the snapshot bucket URL. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A static peer address of the chain, {@code <id>@127.0.0.1:<port>}. */
  public String peer() {
    return ChainConfig.DEFAULT_NODE_ID + "@127.0.0.1:" + port;
  }

  /** The chain's latest height. */
  public long height() throws IOException, InterruptedException {
    return latestHeight(url());
  }

  /** How many blocks the key {@code address} signed, as the chain recorded them. */
  public long signatures(String address) throws IOException, InterruptedException {
    return get(url() + "/signatures?address=" + address).path("count").asLong();
  }

  /** The double-sign evidence the chain recorded: empty while no key signed twice. */
  public JsonNode evidence() throws IOException, InterruptedException {
    return get(url() + "/evidence").path("evidence");
  }

  /** {@code result.sync_info.latest_block_height} of the chain or seid at {@code baseUrl}. */
  public static long latestHeight(String baseUrl) throws IOException, InterruptedException {
    return status(baseUrl).path("result").path("sync_info").path("latest_block_height").asLong();
  }

  /** {@code /status} of a chain or a seid at {@code baseUrl}. */
  public static JsonNode status(String baseUrl) throws IOException, InterruptedException {
    return get(baseUrl + "/status");
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    running.stop(Duration.ofSeconds(5));
  }
}
