package io.sei.operator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the machine looked like at a moment: CPUs, load average, available memory. */
public final class Machine {
  private Machine() {}

  /** The 1-minute load average ({@code /proc/loadavg}); -1 when unreadable. */
  public static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** {@code MemAvailable} of {@code /proc/meminfo} in MiB; -1 when unreadable. */
  public static long availableMemoryMib() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
      for (String line : lines) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // reported as unknown
    }
    return -1;
  }

  public static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("loadAverage1m", loadAverage());
    m.put("memAvailableMib", availableMemoryMib());
    m.put("java", System.getProperty("java.version"));
    return m;
  }
}
