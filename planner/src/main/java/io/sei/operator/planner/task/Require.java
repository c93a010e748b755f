package io.sei.operator.planner.task;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks shared by the params records; a failed check makes the params malformed. */
final class Require {
  private Require() {}

  static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String name) {
    if (values == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return List.copyOf(values);
  }

  /** A copy iterating in key order, so the params JSON is the same on every run. */
  static Map<String, String> sortedMap(Map<String, String> values) {
    return values == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
  }

  static long atLeast(long value, long min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
    return value;
  }
}
