package io.sei.operator.bench;

import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.SimChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Benchmark 3: N SeiNodes on one operator. All N are created at once; the benchmark samples every
 * few seconds how many are Running (created by {@value #CREATORS} threads), the operator's CPU time
 * and heap, its request count and the API server's (all clients), until all are Running, the time
 * limit passes or progress stalls. After convergence it measures a steady-state window (every node
 * reconciled by its periodic drift check), then the heap live after a full GC.
 */
public final class ScaleBench {
  private static final Duration SAMPLE = Duration.ofSeconds(5);
  private static final Duration STALL = Duration.ofMinutes(3);
  private static final int CREATORS = 8;

  /** Other work shares the machine: stop a size before it starves everyone of memory. */
  private static final long MIN_MEMORY_MIB = 2048;

  private static final Duration STEADY = Duration.ofSeconds(20);
  private static final String OPERATOR_HEAP = "2g";

  private ScaleBench() {}

  public static Report run(Bench.Settings settings) throws Exception {
    Report report = new Report("scale", "N SeiNodes on one operator", settings.console());
    report.put("operatorHeapLimit", OPERATOR_HEAP);
    List<List<Object>> summary = new ArrayList<>();
    Map<String, Object> sizes = new LinkedHashMap<>();
    for (int n : settings.scaleSizes()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      sizes.put(Integer.toString(n), figures);
      try {
        summary.add(size(n, settings, report, figures));
        report.put("sizes", sizes).write(settings.out());
      } catch (Exception | OutOfMemoryError e) {
        figures.put("error", e.toString());
        report.note("N=" + n + " aborted: " + e);
        summary.add(List.of(n, "aborted", "-", "-", "-", "-", "-", "-", "-", "-", "-"));
      }
    }
    report.put("sizes", sizes);
    report.table(
        "Scale summary",
        List.of(
            "N",
            "Running",
            "converge s",
            "last Running at s",
            "op CPU s",
            "heap live MiB",
            "heap peak MiB",
            "op req/node",
            "op req/s converge",
            "op req/s steady",
            "apiserver req/s steady"),
        summary);
    return report;
  }

  private static List<Object> size(
      int n, Bench.Settings settings, Report report, Map<String, Object> figures) throws Exception {
    Duration limit = Duration.ofMinutes(settings.scaleTimeoutMinutes());
    List<List<Object>> timeline = new ArrayList<>();
    figures.put("timeline", timeline);
    try (BenchCluster cluster = BenchCluster.start(settings.work("scale-" + n), n + 10);
        SimChain chain = new SimChain(1000, List.of(), 10)) {
      LocalCluster ns = cluster.namespace("scale");
      try (ChildOperator operator =
              cluster.operator(ns, Map.of("SEI_S3_ENDPOINT", chain.url()), OPERATOR_HEAP);
          Observer observer = new Observer(ns.client(), ns.namespace())) {
        OperatorStats s0 = operator.stats();
        Duration cpu0 = operator.cpuTime();
        long api0 = cluster.apiserverRequests();
        long start = System.nanoTime();
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        try {
          List<Future<?>> creates = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            String name = String.format("node-%03d", i);
            creates.add(
                creators.submit(() -> Nodes.create(ns, name, StartupBench.genesisNode(chain))));
          }
          for (Future<?> create : creates) {
            create.get();
          }
        } finally {
          creators.shutdown();
        }
        figures.put("createSeconds", Report.seconds(System.nanoTime() - start));
        long lastRunning = -1;
        long lastProgress = System.nanoTime();
        String outcome;
        while (true) {
          Thread.sleep(SAMPLE.toMillis());
          long running = observer.count("SeiNode", "Running"::equals);
          OperatorStats s = operator.stats();
          timeline.add(
              List.of(
                  Report.seconds(System.nanoTime() - start),
                  running,
                  observer.phaseCounts("SeiNode").toString(),
                  Samples.round(operator.cpuTime().minus(cpu0).toMillis() / 1000.0),
                  Report.mib(s.heapUsedBytes()),
                  s.since(s0).totalRequests(),
                  delta(cluster.apiserverRequests(), api0),
                  cluster.kubelet().runningPods(),
                  proxies(),
                  proxyRssMib(),
                  Machine.loadAverage(),
                  Machine.availableMemoryMib()));
          if (running != lastRunning) {
            lastRunning = running;
            lastProgress = System.nanoTime();
          }
          if (running == n) {
            outcome = "converged";
            break;
          }
          if (Duration.ofNanos(System.nanoTime() - start).compareTo(limit) > 0) {
            outcome = "time limit " + limit.toMinutes() + " min";
            break;
          }
          if (Machine.availableMemoryMib() < MIN_MEMORY_MIB) {
            outcome = "stopped: less than " + MIN_MEMORY_MIB + " MiB of memory available";
            break;
          }
          if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(STALL) > 0) {
            outcome = "no progress for " + STALL.toMinutes() + " min";
            break;
          }
        }
        long elapsed = System.nanoTime() - start;
        OperatorStats converge = operator.stats().since(s0);
        Duration cpuConverge = operator.cpuTime().minus(cpu0);
        long apiConverge = delta(cluster.apiserverRequests(), api0);

        OperatorStats steady0 = operator.stats();
        long apiSteady0 = cluster.apiserverRequests();
        Duration cpuSteady0 = operator.cpuTime();
        Thread.sleep(STEADY.toMillis());
        OperatorStats steady = operator.stats().since(steady0);
        long apiSteady = delta(cluster.apiserverRequests(), apiSteady0);
        Duration cpuSteady = operator.cpuTime().minus(cpuSteady0);
        OperatorStats gc = operator.statsAfterGc();

        long running = observer.count("SeiNode", "Running"::equals);
        double seconds = Report.seconds(elapsed);
        double steadySeconds = STEADY.toSeconds();
        figures.put("outcome", outcome);
        figures.put("running", running);
        figures.put("phases", observer.phaseCounts("SeiNode"));
        figures.put("convergeSeconds", outcome.equals("converged") ? seconds : null);
        figures.put("elapsedSeconds", seconds);
        double lastRunningAt =
            observer
                .lastFirstSeen("SeiNode", "Running")
                .map(t -> Report.seconds(t - start))
                .orElse(-1.0);
        figures.put("lastNodeRunningSeconds", lastRunningAt);
        figures.put("operatorCpuSecondsToConverge", cpuConverge.toMillis() / 1000.0);
        figures.put("operatorRequestsToConverge", converge.totalRequests());
        figures.put("operatorWritesToConverge", converge.writes());
        figures.put("operatorRequestsByVerbToConverge", converge.byVerb());
        figures.put("operatorRequestsToConvergeDetail", converge.requests());
        figures.put("operatorReconcilesToConverge", converge.reconciles());
        figures.put("apiserverRequestsToConverge", apiConverge);
        figures.put("steadySeconds", steadySeconds);
        figures.put("steadyOperatorRequests", steady.totalRequests());
        figures.put("steadyOperatorWrites", steady.writes());
        figures.put("steadyOperatorRequestsDetail", steady.requests());
        figures.put("steadyReconciles", steady.reconciles());
        figures.put("steadyOperatorCpuSeconds", cpuSteady.toMillis() / 1000.0);
        figures.put("steadyApiserverRequests", apiSteady);
        figures.put("heapLiveAfterGcMib", Report.mib(gc.heapUsedBytes()));
        figures.put("heapPeakMib", Report.mib(gc.heapPeakBytes()));
        figures.put("heapMaxMib", Report.mib(gc.heapMaxBytes()));
        figures.put("operatorLog", operator.log().toString());
        figures.put("notRunning", Diagnosis.notRunning(ns));
        report.table(
            "N=" + n + " timeline (" + outcome + ")",
            List.of(
                "t s",
                "Running",
                "phases",
                "op CPU s",
                "op heap MiB",
                "op requests",
                "apiserver requests",
                "pods running",
                "proxy procs",
                "proxy RSS MiB",
                "load 1m",
                "mem avail MiB"),
            timeline);
        return List.of(
            n,
            running + "/" + n,
            outcome.equals("converged") ? seconds : outcome,
            lastRunningAt,
            cpuConverge.toMillis() / 1000.0,
            Report.mib(gc.heapUsedBytes()),
            Report.mib(gc.heapPeakBytes()),
            Samples.round((double) converge.totalRequests() / n),
            Samples.round(converge.totalRequests() / seconds),
            Samples.round(steady.totalRequests() / steadySeconds),
            apiSteady < 0 ? "n/a" : Samples.round(apiSteady / steadySeconds));
      }
    }
  }

  /** {@code now - before}, or -1 when either count is unknown. */
  private static long delta(long now, long before) {
    return now < 0 || before < 0 ? -1 : now - before;
  }

  /** kube-rbac-proxy processes this JVM's kubelet runs now. */
  private static Stream<ProcessHandle> proxyProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("kube-rbac-proxy")).orElse(false));
  }

  private static long proxies() {
    return proxyProcesses().count();
  }

  /** Resident memory of the kube-rbac-proxy processes, MiB (from /proc). */
  private static long proxyRssMib() {
    return proxyProcesses().mapToLong(p -> rssKib(p.pid())).sum() / 1024;
  }

  private static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended
    }
    return 0;
  }
}
