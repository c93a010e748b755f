package io.sei.operator.bench;

import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 1: time from a SeiNode's creation to phase Running, with the sim's instant sidecar
 * tasks, under the adaptive requeue the tests use (100 ms to 1 s) and under the fixed 5 s polling a
 * naive design would use. Nodes are created one at a time, each after the previous is Running.
 */
public final class StartupBench {
  static final Duration NODE_TIMEOUT = Duration.ofSeconds(180);

  /** Operator settings compared side by side. */
  private static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

  static {
    VARIANTS.put(
        "adaptive 100ms..1s", Map.of("SEI_MIN_REQUEUE", "100ms", "SEI_POLL_INTERVAL", "1s"));
    VARIANTS.put("naive fixed 5s", Map.of("SEI_MIN_REQUEUE", "5s", "SEI_POLL_INTERVAL", "5s"));
  }

  private StartupBench() {}

  /** A full node from genesis following {@code chain}: the init plan without a snapshot. */
  static SeiNodeSpec genesisNode(SimChain chain) {
    return Nodes.following(chain, OperatorUnderTest.SIDECAR_IMAGE).withFullNode(new FullNodeSpec());
  }

  public static Report run(Bench.Settings settings) throws Exception {
    Report report = new Report("startup", "SeiNode creation to phase Running", settings.console());
    report.put("samplesPerVariant", settings.samples());
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Object> results = new LinkedHashMap<>();
    try (BenchCluster cluster = BenchCluster.start(settings.work("startup"), 0);
        SimChain chain = new SimChain(200, List.of(), 10)) {
      int v = 0;
      for (Map.Entry<String, Map<String, String>> variant : VARIANTS.entrySet()) {
        LocalCluster ns = cluster.namespace("startup-" + v++);
        List<Double> seconds = new ArrayList<>();
        Map<String, String> env = new HashMap<>(variant.getValue());
        env.put("SEI_S3_ENDPOINT", chain.url());
        try (ChildOperator operator = cluster.operator(ns, env, "1g");
            Observer observer = new Observer(ns.client(), ns.namespace())) {
          for (int i = 0; i < settings.samples(); i++) {
            String name = "node-" + i;
            long start = System.nanoTime();
            Nodes.create(ns, name, genesisNode(chain));
            if (!Observer.await(
                () -> observer.firstSeen("SeiNode", name, "Running").isPresent(), NODE_TIMEOUT)) {
              throw new IllegalStateException(
                  name + " not Running within " + NODE_TIMEOUT + "; see " + operator.log());
            }
            seconds.add(
                Report.seconds(observer.firstSeen("SeiNode", name, "Running").get() - start));
          }
        }
        Map<String, Object> summary = Samples.summary(seconds);
        summary.put("samples", seconds);
        summary.put("settings", variant.getValue());
        results.put(variant.getKey(), summary);
        rows.add(
            List.of(
                variant.getKey(),
                seconds.size(),
                summary.get("median"),
                summary.get("p90"),
                summary.get("max"),
                seconds.toString()));
      }
    }
    report.put("variants", results);
    report.table(
        "Creation -> Running, seconds (target < 3 s)",
        List.of("requeue", "n", "median", "p90", "max", "samples"),
        rows);
    return report;
  }
}
