package io.sei.operator.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks of docs/performance.md: {@code startup}, {@code api}, {@code hardfork},
 * {@code scale}. Arguments ({@code --key=value}): {@code only} (comma-separated names), {@code
 * samples}, {@code scale-sizes}, {@code scale-timeout-minutes}, {@code hardfork-replicas}, {@code
 * out} (JSON directory). A benchmark that throws is reported and the others still run; the exit
 * code is then 1. A target missed is a figure, not a failure.
 */
public final class Bench {
  /** Logging of the benchmark's JVM: warnings to {@code <out>/bench.log}, none on the console. */
  static final String LOGBACK = "bench-logback.xml";

  /** Logging of the operator's JVM: INFO to its log file. */
  static final String OPERATOR_LOGBACK = "bench-operator-logback.xml";

  private Bench() {}

  /** What a benchmark gets: its arguments and where to write. */
  public record Settings(
      int samples,
      List<Integer> scaleSizes,
      int scaleTimeoutMinutes,
      List<Integer> hardForkReplicas,
      Path out,
      PrintStream console) {

    /** A work directory of its own under {@code out}. */
    public Path work(String name) {
      return out.resolve("work").resolve(name + "-" + System.currentTimeMillis());
    }
  }

  interface Benchmark {
    Report run(Settings settings) throws Exception;
  }

  public static void main(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      opts.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    Path out = Path.of(opts.getOrDefault("out", "bench/target/bench")).toAbsolutePath();
    // Before the first logger is created.
    System.setProperty("logback.configurationFile", LOGBACK);
    System.setProperty("bench.log.file", out.resolve("bench.log").toString());
    Settings settings =
        new Settings(
            Integer.parseInt(opts.getOrDefault("samples", "5")),
            ints(opts.getOrDefault("scale-sizes", "100,250,500")),
            Integer.parseInt(opts.getOrDefault("scale-timeout-minutes", "15")),
            ints(opts.getOrDefault("hardfork-replicas", "3,10")),
            out,
            System.out);
    Map<String, Benchmark> all = new LinkedHashMap<>();
    all.put("startup", StartupBench::run);
    all.put("api", ApiBench::run);
    all.put("hardfork", HardForkBench::run);
    all.put("scale", ScaleBench::run);
    List<String> failed = new ArrayList<>();
    for (String name : opts.getOrDefault("only", String.join(",", all.keySet())).split(",")) {
      Benchmark benchmark = all.get(name.trim());
      if (benchmark == null) {
        throw new IllegalArgumentException("no benchmark " + name + "; known: " + all.keySet());
      }
      try {
        benchmark.run(settings).write(settings.out());
      } catch (Exception e) {
        failed.add(name);
        System.out.println("benchmark " + name + " failed: " + e);
        e.printStackTrace(System.out);
      }
    }
    System.out.println();
    System.out.println(failed.isEmpty() ? "benchmarks done" : "benchmarks done; failed: " + failed);
    System.exit(failed.isEmpty() ? 0 : 1);
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
