package io.sei.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark: printed as readable tables on stdout as they are measured, and
 * written as JSON to {@code <out>/<name>.json}.
 */
public final class Report {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String name;
  private final PrintStream out;
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final List<Map<String, Object>> tables = new ArrayList<>();

  public Report(String name, String title, PrintStream out) {
    this.name = name;
    this.out = out;
    root.put("benchmark", name);
    root.put("title", title);
    root.put("startedAt", Instant.now().toString());
    root.put("machineAtStart", Machine.describe());
    out.println();
    out.println("=== " + name + ": " + title + " ===");
  }

  /** A figure of the JSON (not printed). */
  public Report put(String key, Object value) {
    root.put(key, value);
    return this;
  }

  /** A line of commentary, printed and kept in the JSON's {@code notes}. */
  @SuppressWarnings("unchecked")
  public void note(String text) {
    out.println("  " + text);
    ((List<String>) root.computeIfAbsent("notes", k -> new ArrayList<String>())).add(text);
  }

  /** Prints a table and keeps it in the JSON's {@code tables}. */
  public void table(String caption, List<String> headers, List<List<Object>> rows) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("caption", caption);
    t.put("headers", headers);
    t.put("rows", rows);
    tables.add(t);
    int[] width = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      width[i] = headers.get(i).length();
      for (List<Object> row : rows) {
        width[i] = Math.max(width[i], String.valueOf(row.get(i)).length());
      }
    }
    out.println();
    out.println(caption);
    out.println(line(headers, width));
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append("|").append("-".repeat(w + 2));
    }
    out.println(rule.append("|"));
    for (List<Object> row : rows) {
      out.println(line(row, width));
    }
    out.flush();
  }

  private static String line(List<?> cells, int[] width) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = String.valueOf(cells.get(i));
      s.append("| ").append(cell).append(" ".repeat(width[i] - cell.length() + 1));
    }
    return s.append("|").toString();
  }

  /** Writes {@code <dir>/<name>.json}; returns its path. */
  public Path write(Path dir) {
    root.put("finishedAt", Instant.now().toString());
    root.put("machineAtEnd", Machine.describe());
    root.put("tables", tables);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".json");
      JSON.writeValue(file.toFile(), root);
      out.println("  -> " + file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static double seconds(long nanos) {
    return Samples.round(nanos / 1e9);
  }

  public static double mib(long bytes) {
    return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
  }
}
