package io.sei.operator.e2e.backend;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading log files for the report: a container's tail, the in-process operator's lines. */
final class LogLines {
  /** Where slf4j-simple writes in the e2e run (the build sets it; stderr otherwise). */
  static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

  /** A line slf4j-simple starts; the logger name follows the level. */
  private static final Pattern ENTRY =
      Pattern.compile("^\\S+ \\[[^\\]]*\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - .*");

  private LogLines() {}

  static List<String> last(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A cursor over the lines the operator (its own classes and JOSDK) logs from now on in this JVM,
   * with their stack traces; the control plane's and the simulator's lines are left out.
   */
  static ClusterBackend.LogCursor operatorLines() {
    String configured = System.getProperty(LOG_FILE_PROPERTY);
    if (configured == null || configured.equals("System.err") || configured.equals("System.out")) {
      return max -> List.of("(the operator logs to " + configured + ", not to a file)");
    }
    Path file = Path.of(configured);
    long start = size(file);
    return max -> {
      List<String> kept = new ArrayList<>();
      boolean keeping = false;
      for (String line : readFrom(file, start)) {
        var entry = ENTRY.matcher(line);
        if (entry.matches()) {
          keeping = isOperator(entry.group(2));
        }
        if (keeping) {
          kept.add(line);
        }
      }
      return List.copyOf(kept.subList(Math.max(0, kept.size() - max), kept.size()));
    };
  }

  private static boolean isOperator(String logger) {
    return (logger.startsWith("io.sei.operator.")
            && !logger.startsWith("io.sei.operator.simulator."))
        || logger.startsWith("io.javaoperatorsdk.");
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readFrom(Path file, long offset) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[(int) Math.max(0, in.length() - offset)];
      in.seek(offset);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
