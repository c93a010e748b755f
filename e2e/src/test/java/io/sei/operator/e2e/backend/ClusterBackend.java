package io.sei.operator.e2e.backend;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Where the features run: a Kubernetes cluster with the operator installed, a simulated chain the
 * nodes follow (also their snapshot bucket; a scenario may bring its own) and a way to look inside
 * pods. One instance serves every scenario of a test run; scenarios isolate themselves by
 * namespace.
 */
public interface ClusterBackend extends AutoCloseable {
  /** {@code local} or {@code kind}. */
  String name();

  /** An admin client. */
  KubernetesClient client();

  /** The suite's shared chain: the peer of every node and, by default, the snapshot bucket. */
  SimulatedChain chain();

  /**
   * Starts a chain of one scenario's own and makes it the operator's snapshot bucket until it is
   * closed. One at a time: scenarios calling this hold the {@code snapshot-bucket} resource
   * read-write (see the e2e junit-platform.properties).
   */
  SimulatedChain.Own startOwnChain(String name, SimulatedChain.Plan plan);

  /** The body of {@code GET http://<pod>:<port><path>}, as a client inside the cluster sees it. */
  String podHttpGet(String namespace, String pod, int port, String path);

  /**
   * The status code of {@code POST http://<pod>:<port><path>} with a JSON {@code body} (or of a
   * {@code GET} when {@code body} is null), with {@code Authorization: Bearer <token>} unless the
   * token is null, as a client inside the cluster gets it.
   */
  int podHttpStatus(String namespace, String pod, int port, String path, String token, String body);

  /** Stops the operator, runs {@code whileDown}, starts it again and returns once it is up. */
  void restartOperator(Runnable whileDown);

  /** The operator's {@code /metrics} text (counters since its last start). */
  String operatorMetrics();

  /**
   * Writes {@code content} to the file {@code file} at the root of the volume bound to claim {@code
   * claim} (how a test steers the simulator's faults file, {@code sim-faults.json}).
   */
  void writeVolumeFile(String namespace, String claim, String file, String content);

  /** The last {@code lines} lines a container printed; empty when it has no log yet. */
  List<String> containerLog(String namespace, String pod, String container, int lines);

  /** Starts collecting the operator's log lines from now on (one cursor per scenario). */
  LogCursor operatorLog();

  /** The operator's log lines since the cursor was taken. */
  interface LogCursor {
    List<String> linesSince(int maxLines);
  }

  @Override
  void close();
}
