package io.sei.operator.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order statistics of measured values (nearest-rank percentiles). */
public final class Samples {
  private Samples() {}

  public static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** {@code n, min, median, p90, max} of {@code values}. */
  public static Map<String, Object> summary(List<Double> values) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("n", values.size());
    if (!values.isEmpty()) {
      s.put("min", round(Collections.min(values)));
      s.put("median", round(percentile(values, 50)));
      s.put("p90", round(percentile(values, 90)));
      s.put("max", round(Collections.max(values)));
    }
    return s;
  }

  public static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
