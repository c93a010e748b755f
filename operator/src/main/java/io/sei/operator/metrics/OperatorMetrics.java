package io.sei.operator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sei.operator.api.NodePhase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's Prometheus metrics: plan duration by plan class and outcome, active plans, task
 * failures by type, sidecar submissions, reconciles (count and latency) and SeiNodes by phase.
 */
public final class OperatorMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, NodePhase> phases = new ConcurrentHashMap<>();
  private final Map<String, Boolean> activePlans = new ConcurrentHashMap<>();

  public OperatorMetrics() {
    for (NodePhase phase : NodePhase.values()) {
      Gauge.builder("sei_nodes", phases, m -> m.values().stream().filter(phase::equals).count())
          .description("SeiNodes by phase")
          .tag("phase", phase.name())
          .register(registry);
    }
    Gauge.builder("sei_active_plans", activePlans, Map::size)
        .description("SeiNodes with an Active plan")
        .register(registry);
  }

  /** A plan of class {@code planClass} ended with {@code outcome} after {@code duration}. */
  public void planFinished(String planClass, String outcome, Duration duration) {
    Timer.builder("sei_plan_duration")
        .description("Duration of finished plans")
        .tag("type", planClass)
        .tag("outcome", outcome)
        .register(registry)
        .record(duration);
  }

  /** An attempt of a task of {@code type} failed (transiently or terminally). */
  public void taskFailed(String type) {
    Counter.builder("sei_task_failures")
        .description("Failed task attempts by task type")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  /** A sidecar task of {@code type} was submitted (and accepted: 201). */
  public void sidecarSubmitted(String type) {
    Counter.builder("sei_sidecar_submissions")
        .description("Sidecar task submissions accepted, by task type")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  /** One reconcile of a {@code kind} resource took {@code duration}. */
  public void reconciled(String kind, Duration duration) {
    Timer.builder("sei_reconcile")
        .description("Reconciles and their latency")
        .tag("kind", kind)
        .register(registry)
        .record(duration);
  }

  /** What the node {@code key} looks like after a reconcile. */
  public void node(String key, NodePhase phase, boolean planActive) {
    if (phase == null) {
      phases.remove(key);
    } else {
      phases.put(key, phase);
    }
    if (planActive) {
      activePlans.put(key, true);
    } else {
      activePlans.remove(key);
    }
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
