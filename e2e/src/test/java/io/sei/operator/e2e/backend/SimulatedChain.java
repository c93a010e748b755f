package io.sei.operator.e2e.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A simulated chain the nodes follow, read from the test. */
public interface SimulatedChain {
  /** The chain's address as a static peer of a node, {@code <id>@<host>:<port>}. */
  String peer();

  /** The chain's latest height, from its CometBFT-shaped {@code /status}. */
  default long height() {
    return latestHeight(get("/status"));
  }

  /** {@code result.sync_info.latest_block_height} of a CometBFT-shaped {@code /status} body. */
  static long latestHeight(String status) {
    try {
      return new ObjectMapper()
          .readTree(status)
          .path("result")
          .path("sync_info")
          .path("latest_block_height")
          .asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The body of {@code GET <chain><path>}: the chain's own record ({@code /signatures?address=A},
   * {@code /evidence}, {@code /status}).
   */
  String get(String path);

  /**
   * A chain of one scenario's own: until it is closed it is also the operator's snapshot bucket.
   */
  interface Own extends SimulatedChain, AutoCloseable {
    /** The chain this one stands for; {@link #height()} is the default one. */
    static Own of(SimulatedChain chain, Runnable close) {
      return new Own() {
        @Override
        public String peer() {
          return chain.peer();
        }

        @Override
        public String get(String path) {
          return chain.get(path);
        }

        @Override
        public void close() {
          close.run();
        }
      };
    }

    /** Stops the chain; the suite's shared chain is the snapshot bucket again. */
    @Override
    void close();
  }

  /**
   * What a scenario's own chain looks like.
   *
   * @param blockTimeMs one block every so many milliseconds
   * @param snapshotInterval a snapshot every so many blocks
   * @param upgrades planned upgrades, {@code <name>@<height>}
   * @param resumesOnItsOwn true: the network moves past an upgrade height by itself (old binaries
   *     panic there); false: it halts there until an upgraded node carries it on
   */
  record Plan(
      long blockTimeMs, long snapshotInterval, List<String> upgrades, boolean resumesOnItsOwn) {
    /** The suite's shared chain: a block every 200 ms, a snapshot every 10 blocks, no upgrades. */
    public static final Plan SHARED = new Plan(200, 10, List.of(), false);
  }
}
