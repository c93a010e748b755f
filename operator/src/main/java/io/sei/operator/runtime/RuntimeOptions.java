package io.sei.operator.runtime;

import io.sei.operator.planner.task.RetryPolicy;
import java.time.Clock;
import java.util.Set;

/**
 * How one operator process runs, beyond the platform config: leader election, the ports of {@code
 * /metrics} and the health endpoints (0 = any free port), the watched namespaces (empty = all), the
 * retry policy and the clock.
 */
public record RuntimeOptions(
    boolean leaderElection,
    int metricsPort,
    int healthPort,
    Set<String> namespaces,
    RetryPolicy retries,
    Clock clock) {

  /** Lease of the leader election, in the operator's namespace. */
  public static final String LEASE_NAME = "sei-operator";

  public static final int METRICS_PORT = 8080;
  public static final int HEALTH_PORT = 8081;

  /**
   * The in-cluster defaults: the fixed ports, production retries, the system clock.
   *
   * @param namespaces the namespaces to watch, all when empty ({@code SEI_WATCH_NAMESPACES})
   */
  public static RuntimeOptions inCluster(boolean leaderElection, Set<String> namespaces) {
    return new RuntimeOptions(
        leaderElection,
        METRICS_PORT,
        HEALTH_PORT,
        namespaces,
        RetryPolicy.defaults(),
        Clock.systemUTC());
  }
}
