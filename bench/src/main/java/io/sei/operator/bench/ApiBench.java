package io.sei.operator.bench;

import io.sei.operator.api.SeiNode;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.SimChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Benchmark 2: the operator's API requests (its own client, counted per request by {@link
 * RequestCounter}) for one SeiNode from creation to Running, and then for reconciles of the Running
 * node without drift — the periodic drift checks, plus one touched annotation a second, which
 * raises an event without changing the spec.
 */
public final class ApiBench {
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final int TOUCHES = 20;
  private static final Duration LIFECYCLE_TAIL = Duration.ofMillis(500);

  private ApiBench() {}

  public static Report run(Bench.Settings settings) throws Exception {
    Report report =
        new Report(
            "api",
            "API requests per SeiNode lifecycle and per no-op reconcile",
            settings.console());
    try (BenchCluster cluster = BenchCluster.start(settings.work("api"), 0);
        SimChain chain = new SimChain(200, List.of(), 10)) {
      LocalCluster ns = cluster.namespace("api");
      try (ChildOperator operator =
              cluster.operator(ns, Map.of("SEI_S3_ENDPOINT", chain.url()), "1g");
          Observer observer = new Observer(ns.client(), ns.namespace())) {
        Thread.sleep(SETTLE.toMillis());
        OperatorStats idle = operator.stats();
        long created = System.nanoTime();
        Nodes.create(ns, "node-0", StartupBench.genesisNode(chain));
        if (!Observer.await(
            () -> observer.firstSeen("SeiNode", "node-0", "Running").isPresent(),
            StartupBench.NODE_TIMEOUT)) {
          throw new IllegalStateException("node-0 not Running; see " + operator.log());
        }
        double toRunning =
            Report.seconds(observer.firstSeen("SeiNode", "node-0", "Running").get() - created);
        // The reconcile that wrote Running emits its events and records its metric after the
        // write, and the next one (after SEI_MIN_REQUEUE) confirms there is nothing left to do.
        Thread.sleep(LIFECYCLE_TAIL.toMillis());
        OperatorStats atRunning = operator.stats();
        OperatorStats lifecycle = atRunning.since(idle);
        report.put("operatorStartup", idle.requests());
        report.put("sinceOperatorStartAtRunning", atRunning.requests());
        report.put("reconcilesAtRunning", atRunning.reconciles());

        Thread.sleep(SETTLE.toMillis());
        OperatorStats before = operator.stats();
        long windowStart = System.nanoTime();
        for (int i = 0; i < TOUCHES; i++) {
          String value = Integer.toString(i);
          ns.client()
              .resources(SeiNode.class)
              .inNamespace(ns.namespace())
              .withName("node-0")
              .edit(
                  n -> {
                    Map<String, String> annotations = new HashMap<>();
                    if (n.getMetadata().getAnnotations() != null) {
                      annotations.putAll(n.getMetadata().getAnnotations());
                    }
                    annotations.put("bench.sei.io/touch", value);
                    n.getMetadata().setAnnotations(annotations);
                    return n;
                  });
          Thread.sleep(1000);
        }
        double window = Report.seconds(System.nanoTime() - windowStart);
        OperatorStats noop = operator.stats().since(before);
        String phaseAfter = Nodes.get(ns, "node-0").getStatus().getPhase() + "";

        report.put("lifecycle", phaseFigures(lifecycle, toRunning));
        report.put("noop", phaseFigures(noop, window));
        report.put("noopAnnotationTouches", TOUCHES);
        report.put("phaseAfterNoopWindow", phaseAfter);
        byResource(report, lifecycle, noop);
        long reconciles = noop.reconciles("seinode");
        report.table(
            "Summary",
            List.of(
                "window",
                "seconds",
                "seinode reconciles",
                "requests",
                "reads",
                "writes",
                "status writes",
                "writes / reconcile",
                "status writes / reconcile"),
            List.of(
                row("create -> Running", toRunning, lifecycle),
                row("Running, no drift (" + TOUCHES + " annotation touches)", window, noop)));
        report.note(
            "no-op window: "
                + reconciles
                + " reconciles of a Running node without drift, "
                + noop.writes()
                + " writes (target 0); phase stays "
                + phaseAfter);
      }
    }
    return report;
  }

  private static List<Object> row(String window, double seconds, OperatorStats s) {
    long reconciles = s.reconciles("seinode");
    long status = s.requests("update seinodes/status") + s.requests("patch seinodes/status");
    return List.of(
        window,
        seconds,
        reconciles,
        s.totalRequests(),
        s.reads(),
        s.writes(),
        status,
        reconciles == 0 ? "-" : Samples.round((double) s.writes() / reconciles),
        reconciles == 0 ? "-" : Samples.round((double) status / reconciles));
  }

  private static Map<String, Object> phaseFigures(OperatorStats s, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", seconds);
    m.put("reconciles", s.reconciles());
    m.put("requests", s.totalRequests());
    m.put("reads", s.reads());
    m.put("writes", s.writes());
    m.put("byVerb", s.byVerb());
    m.put("byVerbAndResource", s.requests());
    return m;
  }

  private static void byResource(Report report, OperatorStats lifecycle, OperatorStats noop) {
    List<List<Object>> rows = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(lifecycle.requests().keySet());
    keys.addAll(noop.requests().keySet());
    for (String key : keys) {
      rows.add(
          List.of(
              key,
              RequestCounter.isWrite(key) ? "write" : "read",
              lifecycle.requests().getOrDefault(key, 0L),
              noop.requests().getOrDefault(key, 0L)));
    }
    report.table(
        "Requests by verb and resource",
        List.of("verb resource", "kind", "create -> Running", "no-op window"),
        rows);
  }
}
