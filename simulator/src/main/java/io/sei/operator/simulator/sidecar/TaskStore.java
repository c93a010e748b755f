package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.net.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sidecar's task history, one JSON file in the node's home ({@value #FILE_NAME}), rewritten
 * atomically on every change. It stands in for the real sidecar's sqlite database ({@code
 * <home>/sidecar.db}): the bootstrap pod and the production pod share it through the data volume.
 */
final class TaskStore {

  static final String FILE_NAME = "sidecar-tasks.json";
  static final String RUNNING = "running";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";

  /** One task and its outcome, as {@code GET /v0/tasks/{id}} shows it. */
  record Row(
      String id,
      String type,
      String status,
      int run,
      JsonNode params,
      JsonNode result,
      String error,
      Instant submittedAt,
      Instant completedAt) {

    ObjectNode json() {
      ObjectNode node = Json.object();
      node.put("id", id);
      node.put("type", type);
      node.put("status", status);
      node.put("run", run);
      if (params != null && params.isObject() && !params.isEmpty()) {
        node.set("params", params);
      }
      if (result != null && !result.isNull() && !result.isMissingNode()) {
        node.set("result", result);
      }
      if (error != null && !error.isEmpty()) {
        node.put("error", error);
      }
      node.put("submittedAt", submittedAt.toString());
      if (completedAt != null) {
        node.put("completedAt", completedAt.toString());
      }
      return node;
    }

    static Row of(JsonNode node) {
      return new Row(
          node.path("id").asText(),
          node.path("type").asText(),
          node.path("status").asText(),
          node.path("run").asInt(1),
          node.get("params"),
          node.get("result"),
          node.hasNonNull("error") ? node.get("error").asText() : null,
          Instant.parse(node.path("submittedAt").asText()),
          node.hasNonNull("completedAt") ? Instant.parse(node.get("completedAt").asText()) : null);
    }
  }

  private final NodeHome home;
  private final Path file;
  private final Map<String, Row> rows = new LinkedHashMap<>();

  private TaskStore(NodeHome home) {
    this.home = home;
    this.file = home.homeFile(FILE_NAME);
  }

  /** Opens the store of {@code home}, loading what an earlier sidecar left. */
  static TaskStore open(NodeHome home) throws IOException {
    TaskStore store = new TaskStore(home);
    if (Files.exists(store.file)) {
      JsonNode all;
      try {
        all = Json.parse(Files.readAllBytes(store.file));
      } catch (IOException e) {
        throw new IOException(store.file + " is not a task store: " + e.getMessage(), e);
      }
      for (JsonNode node : all) {
        Row row = Row.of(node);
        store.rows.put(row.id(), row);
      }
    }
    return store;
  }

  Path file() {
    return file;
  }

  synchronized Row get(String id) {
    return rows.get(id);
  }

  /** Inserts or replaces a row, then writes the file; on a write error the change is undone. */
  synchronized void save(Row row) throws IOException {
    Row before = rows.put(row.id(), row);
    try {
      flush();
    } catch (IOException e) {
      if (before == null) {
        rows.remove(row.id());
      } else {
        rows.put(row.id(), before);
      }
      throw e;
    }
  }

  /** Removes a row; false when unknown. */
  synchronized boolean delete(String id) throws IOException {
    Row before = rows.remove(id);
    if (before == null) {
      return false;
    }
    try {
      flush();
    } catch (IOException e) {
      rows.put(id, before);
      throw e;
    }
    return true;
  }

  /** The most recently submitted rows, newest first. */
  synchronized List<Row> recent(int limit) {
    List<Row> all = new ArrayList<>(rows.values());
    // Later entries of the map were saved later; on equal times the later one is newer.
    List<Row> reversed = new ArrayList<>(all.size());
    for (int i = all.size() - 1; i >= 0; i--) {
      reversed.add(all.get(i));
    }
    reversed.sort(Comparator.comparing(Row::submittedAt).reversed());
    return List.copyOf(reversed.subList(0, Math.min(limit, reversed.size())));
  }

  /** The rows a previous process left running. */
  synchronized List<Row> stale() {
    return rows.values().stream().filter(r -> RUNNING.equals(r.status())).toList();
  }

  /** Whether the store can be written (the liveness check). */
  synchronized void ping() throws IOException {
    flush();
  }

  private void flush() throws IOException {
    ArrayNode all = Json.object().arrayNode();
    rows.values().forEach(r -> all.add(r.json()));
    home.writeBytes(file, Json.bytes(all));
  }
}
