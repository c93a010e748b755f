package io.sei.operator.simulator.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.proc.StopSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** What a scenario works with: the cluster, the chain, the recorder, and waits that end on stop. */
final class Session {
  static final long POLL_MILLIS = 200;

  final KubernetesClient client;
  final String namespace;
  final String chainUrl;
  final SimHttp http;
  final Progress progress;
  final Recorder recorder;
  final Duration timeout;
  private final StopSignal stop;

  Session(
      KubernetesClient client,
      String namespace,
      String chainUrl,
      SimHttp http,
      Progress progress,
      Recorder recorder,
      Duration timeout,
      StopSignal stop) {
    this.client = client;
    this.namespace = namespace;
    this.chainUrl = chainUrl;
    this.http = http;
    this.progress = progress;
    this.recorder = recorder;
    this.timeout = timeout;
    this.stop = stop;
  }

  /** A static peer address of the chain: {@code <id>@<host>:<port>}. */
  String chainPeer() {
    return ChainConfig.DEFAULT_NODE_ID + "@" + URI.create(chainUrl).getAuthority();
  }

  JsonNode chain(String pathAndQuery) throws IOException {
    SimHttp.Reply reply = http.get(URI.create(chainUrl + pathAndQuery));
    if (!reply.ok()) {
      throw new IOException("chain " + pathAndQuery + " answered " + reply.status());
    }
    return reply.body();
  }

  /** {@link #chain} for a probe of {@link #await}: an I/O failure is unchecked. */
  JsonNode chainNow(String pathAndQuery) {
    try {
      return chain(pathAndQuery);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long chainHeightNow() {
    return chainNow("/status")
        .path("result")
        .path("sync_info")
        .path("latest_block_height")
        .asLong();
  }

  /**
   * Polls {@code probe} every {@value #POLL_MILLIS} ms until {@code done} holds and returns that
   * value. Throws what {@code failure} returns for a value (null: keep waiting), {@link
   * RehearsalException.Kind#NOT_MET} when the timeout passes, {@link
   * RehearsalException.Kind#INTERRUPTED} when the rehearsal is stopped. A probe that throws (an API
   * hiccup) counts as not done.
   */
  <T> T await(
      String what,
      Duration within,
      Supplier<T> probe,
      Predicate<T> done,
      Function<T, RehearsalException> failure)
      throws RehearsalException {
    long deadline = System.nanoTime() + within.toNanos();
    String lastError = null;
    while (true) {
      try {
        T value = probe.get();
        if (value != null) {
          RehearsalException failed = failure.apply(value);
          if (failed != null) {
            throw failed;
          }
          if (done.test(value)) {
            return value;
          }
        }
      } catch (RuntimeException e) {
        lastError = e.getMessage();
      }
      if (System.nanoTime() > deadline) {
        throw new RehearsalException(
            RehearsalException.Kind.NOT_MET,
            "timed out after "
                + within.toSeconds()
                + " s waiting for "
                + what
                + (lastError == null ? "" : " (last error: " + lastError + ")"));
      }
      if (stop.await(POLL_MILLIS)) {
        throw new RehearsalException(
            RehearsalException.Kind.INTERRUPTED, "stopped while waiting for " + what);
      }
    }
  }

  static <T> Function<T, RehearsalException> neverFails() {
    return value -> null;
  }

  static RehearsalException notMet(String reason) {
    return new RehearsalException(RehearsalException.Kind.NOT_MET, reason);
  }
}
