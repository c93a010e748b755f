package io.sei.operator.bench;

import java.util.Map;
import java.util.TreeMap;

/** What the operator's JVM reported at one moment (see {@link OperatorMain}). */
public record OperatorStats(
    Map<String, Long> requests,
    Map<String, Long> reconciles,
    long heapUsedBytes,
    long heapPeakBytes,
    long heapMaxBytes,
    boolean afterGc) {

  /** Requests and reconciles since {@code earlier} (the heap figures are this moment's). */
  public OperatorStats since(OperatorStats earlier) {
    return new OperatorStats(
        minus(requests, earlier.requests),
        minus(reconciles, earlier.reconciles),
        heapUsedBytes,
        heapPeakBytes,
        heapMaxBytes,
        afterGc);
  }

  public long totalRequests() {
    return requests.values().stream().mapToLong(Long::longValue).sum();
  }

  public long writes() {
    return requests.entrySet().stream()
        .filter(e -> RequestCounter.isWrite(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public long reads() {
    return totalRequests() - writes();
  }

  /** Requests whose key starts with {@code prefix} (e.g. {@code "update seinodes/status"}). */
  public long requests(String prefix) {
    return requests.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public long reconciles(String kind) {
    return reconciles.getOrDefault(kind, 0L);
  }

  /** Requests by verb only ({@code get}, {@code list}, ...). */
  public Map<String, Long> byVerb() {
    Map<String, Long> verbs = new TreeMap<>();
    requests.forEach((k, v) -> verbs.merge(k.substring(0, k.indexOf(' ')), v, Long::sum));
    return verbs;
  }

  private static Map<String, Long> minus(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> diff = new TreeMap<>();
    now.forEach(
        (k, v) -> {
          long d = v - before.getOrDefault(k, 0L);
          if (d != 0) {
            diff.put(k, d);
          }
        });
    return diff;
  }
}
