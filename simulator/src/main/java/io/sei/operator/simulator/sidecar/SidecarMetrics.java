package io.sei.operator.simulator.sidecar;

import java.util.Map;
import java.util.TreeMap;

/**
 * The real sidecar's Prometheus metrics, in the text exposition format: task durations (a histogram
 * with Prometheus' default buckets), submissions, failures and recovered panics by task type, and
 * trusted-header rejections by reason. A family with no samples yet is not shown.
 *
 * <p>One family is the simulator's own, not the real sidecar's: {@value #CREDENTIALS}, requests
 * that arrived with an {@code Authorization} header, by path — evidence that no caller's token
 * reaches the sidecar container.
 */
final class SidecarMetrics {

  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private static final class Histogram {
    final long[] counts = new long[BUCKETS.length];
    long count;
    double sum;
  }

  private final Map<String, Histogram> durations = new TreeMap<>();
  private final Map<String, Long> submissions = new TreeMap<>();
  private final Map<String, Long> failures = new TreeMap<>();
  private final Map<String, Long> panics = new TreeMap<>();
  private final Map<String, Long> rejections = new TreeMap<>();
  private final Map<String, Long> credentials = new TreeMap<>();

  /** The simulator-only counter of requests that carried an {@code Authorization} header. */
  static final String CREDENTIALS = "sei_sim_sidecar_requests_with_authorization_total";

  synchronized void observe(String type, String status, double seconds) {
    Histogram h =
        durations.computeIfAbsent(
            "status=\"" + status + "\",type=\"" + escape(type) + "\"", k -> new Histogram());
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        h.counts[i]++;
      }
    }
    h.count++;
    h.sum += seconds;
  }

  synchronized void submitted(String type) {
    submissions.merge(type, 1L, Long::sum);
  }

  synchronized void failed(String type) {
    failures.merge(type, 1L, Long::sum);
  }

  synchronized void panicked(String type) {
    panics.merge(type, 1L, Long::sum);
  }

  synchronized void rejected(String reason) {
    rejections.merge(reason, 1L, Long::sum);
  }

  synchronized void credentialReceived(String path) {
    credentials.merge(path, 1L, Long::sum);
  }

  synchronized String text() {
    StringBuilder out = new StringBuilder();
    if (!rejections.isEmpty()) {
      header(
          out,
          "seictl_sidecar_authn_rejections_total",
          "Count of 401 responses from the trusted-header middleware, by reason.",
          "counter");
      rejections.forEach(
          (reason, n) -> sample(out, "seictl_sidecar_authn_rejections_total", "reason", reason, n));
    }
    if (!durations.isEmpty()) {
      String name = "seictl_task_execution_duration_seconds";
      header(
          out,
          name,
          "Wall-clock execution time of task handlers in seconds (measured inside the goroutine,"
              + " not submission latency).",
          "histogram");
      durations.forEach(
          (labels, h) -> {
            for (int i = 0; i < BUCKETS.length; i++) {
              out.append(name)
                  .append("_bucket{")
                  .append(labels)
                  .append(",le=\"")
                  .append(format(BUCKETS[i]))
                  .append("\"} ")
                  .append(h.counts[i])
                  .append('\n');
            }
            out.append(name)
                .append("_bucket{")
                .append(labels)
                .append(",le=\"+Inf\"} ")
                .append(h.count)
                .append('\n');
            out.append(name).append("_sum{").append(labels).append("} ").append(h.sum).append('\n');
            out.append(name)
                .append("_count{")
                .append(labels)
                .append("} ")
                .append(h.count)
                .append('\n');
          });
    }
    counter(out, "seictl_task_failures_total", "Total number of tasks that failed.", failures);
    counter(
        out,
        "seictl_task_panics_total",
        "Total number of task handler panics recovered by the engine.",
        panics);
    counter(out, "seictl_task_submissions_total", "Total number of tasks submitted.", submissions);
    if (!credentials.isEmpty()) {
      header(
          out,
          CREDENTIALS,
          "Simulator only: requests that reached the sidecar with an Authorization header.",
          "counter");
      credentials.forEach((path, n) -> sample(out, CREDENTIALS, "path", path, n));
    }
    return out.toString();
  }

  private static void counter(
      StringBuilder out, String name, String help, Map<String, Long> byType) {
    if (byType.isEmpty()) {
      return;
    }
    header(out, name, help, "counter");
    byType.forEach((type, n) -> sample(out, name, "type", type, n));
  }

  private static void header(StringBuilder out, String name, String help, String kind) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(kind).append('\n');
  }

  private static void sample(StringBuilder out, String name, String label, String value, long n) {
    out.append(name)
        .append('{')
        .append(label)
        .append("=\"")
        .append(escape(value))
        .append("\"} ")
        .append(n)
        .append('\n');
  }

  private static String format(double bucket) {
    return bucket == Math.rint(bucket) ? Long.toString((long) bucket) : Double.toString(bucket);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
