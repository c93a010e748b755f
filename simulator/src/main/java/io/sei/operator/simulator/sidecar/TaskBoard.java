package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sei.operator.simulator.faults.FaultSource;
import io.sei.operator.simulator.net.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sidecar's tasks by id, each run once on the sidecar's own executor. Submitting a known id
 * returns the existing task; a known id whose task failed runs again (the operator retries a task
 * under its deterministic id).
 */
final class TaskBoard implements AutoCloseable {

  static final String RUNNING = "running";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";

  /** The outcome of a submission: whether a new task was created, and the task as JSON. */
  record Submission(boolean created, ObjectNode task) {}

  private static final class Task {
    final String id;
    final String type;
    final JsonNode params;
    final SidecarTask work;
    final Instant submittedAt = Instant.now();
    volatile String status = RUNNING;
    volatile String error;
    volatile Instant completedAt;
    Future<?> future;

    Task(String id, String type, JsonNode params, SidecarTask work) {
      this.id = id;
      this.type = type;
      this.params = params;
      this.work = work;
    }

    ObjectNode json() {
      ObjectNode node = Json.object();
      node.put("id", id);
      node.put("type", type);
      node.set("params", params);
      node.put("status", status);
      if (error != null) {
        node.put("error", error);
      }
      node.put("submittedAt", submittedAt.toString());
      if (completedAt != null) {
        node.put("completedAt", completedAt.toString());
      }
      return node;
    }
  }

  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final ExecutorService executor;
  private final TaskEnv env;
  private final FaultSource faults;

  TaskBoard(TaskEnv env, FaultSource faults) {
    this.env = env;
    this.faults = faults;
    AtomicInteger counter = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "sim-sidecar-task-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  synchronized Submission submit(String id, String type, JsonNode params, SidecarTask work) {
    Task known = tasks.get(id);
    if (known != null) {
      if (FAILED.equals(known.status)) {
        known.status = RUNNING;
        known.error = null;
        known.completedAt = null;
        known.future = executor.submit(() -> execute(known));
      }
      return new Submission(false, known.json());
    }
    Task task = new Task(id, type, params, work);
    tasks.put(id, task);
    task.future = executor.submit(() -> execute(task));
    return new Submission(true, task.json());
  }

  private void execute(Task task) {
    try {
      while (faults.current().sidecar().hangs(task.type)) {
        Thread.sleep(50);
      }
      if (faults.current().sidecar().fails(task.type)) {
        throw new TaskFailure("injected fault: tasks of type " + task.type + " fail");
      }
      task.work.execute(env);
      finish(task, COMPLETED, null);
    } catch (InterruptedException e) {
      finish(task, FAILED, "cancelled");
    } catch (TaskFailure e) {
      finish(task, FAILED, e.getMessage());
    } catch (Exception e) {
      finish(task, FAILED, task.type + ": " + e);
    }
  }

  private static void finish(Task task, String status, String error) {
    task.error = error;
    task.completedAt = Instant.now();
    task.status = status;
  }

  synchronized ObjectNode get(String id) {
    Task task = tasks.get(id);
    return task == null ? null : task.json();
  }

  synchronized List<ObjectNode> list() {
    List<ObjectNode> all = new ArrayList<>();
    tasks.values().forEach(t -> all.add(t.json()));
    return all;
  }

  /** Removes a task, cancelling it if it runs; false when unknown. */
  synchronized boolean delete(String id) {
    Task task = tasks.remove(id);
    if (task == null) {
      return false;
    }
    task.future.cancel(true);
    return true;
  }

  /** Counts of tasks by status, for the metrics. */
  synchronized Map<String, Integer> countsByStatus() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String status : List.of(RUNNING, COMPLETED, FAILED)) {
      counts.put(status, 0);
    }
    tasks.values().forEach(t -> counts.merge(t.status, 1, Integer::sum));
    return counts;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
