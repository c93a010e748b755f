package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.faults.FaultSource;
import io.sei.operator.simulator.sidecar.TaskStore.Row;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The task executor, after the real sidecar's engine: every task runs on its own thread; the store
 * is the single source of truth. A submitted task is stored {@code running} before its handler
 * starts. A known id that is running or completed is a no-op; a failed one runs again with the new
 * type and params, its {@code run} incremented. The engine never retries by itself. A cancelled run
 * (a {@code DELETE}, or the sidecar stopping) leaves the store as it is, so a task interrupted by a
 * stop is still {@code running} when the next sidecar starts, and {@link #rehydrate()} runs it
 * again. Readiness lives in memory: only a {@code mark-ready} completing in this process sets it.
 */
final class TaskEngine implements AutoCloseable {

  static final String MARK_READY = "mark-ready";
  static final int LIST_LIMIT = 100;

  /** Why a submission is refused (a 400 with this message). */
  static final class Rejected extends Exception {
    Rejected(String message) {
      super(message);
    }
  }

  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  private record Running(long generation, AtomicBoolean cancelled, Future<?>[] future) {}

  private final TaskStore store;
  private final TaskEnv env;
  private final FaultSource faults;
  private final SidecarMetrics metrics;
  private final Consumer<String> log;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicLong generations = new AtomicLong();
  private final Map<String, Running> running = new HashMap<>();
  private final ExecutorService executor;

  TaskEngine(
      TaskStore store,
      TaskEnv env,
      FaultSource faults,
      SidecarMetrics metrics,
      Consumer<String> log) {
    this.store = store;
    this.env = env;
    this.faults = faults;
    this.metrics = metrics;
    this.log = log;
    AtomicInteger counter = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "sim-sidecar-task-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  boolean ready() {
    return ready.get();
  }

  /**
   * Whether {@code id} parses as a UUID the way the real sidecar's parser takes it: the canonical
   * 36-character form, {@code {…}}, {@code urn:uuid:…} or 32 bare hex digits; any case.
   */
  static boolean isUuid(String id) {
    String canonical = id;
    if (id.length() == 38 && id.startsWith("{") && id.endsWith("}")) {
      canonical = id.substring(1, 37);
    } else if (id.length() == 45 && id.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
      canonical = id.substring(9);
    } else if (id.length() == 32 && HEX32.matcher(id).matches()) {
      return true;
    }
    if (canonical.length() != 36) {
      return false;
    }
    try {
      return UUID.fromString(canonical).toString().equalsIgnoreCase(canonical);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Submits a task; returns its id. */
  synchronized String submit(String id, String type, JsonNode params) throws Rejected {
    if (SidecarTask.decoder(type).isEmpty()) {
      throw new Rejected("unknown task type: " + type);
    }
    if (id != null && !id.isEmpty() && !isUuid(id)) {
      throw new Rejected("task ID must be a valid UUID: \"" + id + "\"");
    }
    String taskId = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
    int run = 1;
    Row existing = store.get(taskId);
    if (existing != null) {
      if (!TaskStore.FAILED.equals(existing.status())) {
        return taskId;
      }
      run = existing.run() + 1;
    }
    Row row =
        new Row(taskId, type, TaskStore.RUNNING, run, params, null, null, Instant.now(), null);
    try {
      store.save(row);
    } catch (IOException e) {
      throw new Rejected("persist task: " + e.getMessage());
    }
    log.accept("TASK submitted id=" + taskId + " type=" + type + " run=" + run);
    metrics.submitted(type);
    start(row);
    return taskId;
  }

  /** Re-executes the tasks a previous process left running, with their run number unchanged. */
  synchronized void rehydrate() {
    for (Row row : store.stale()) {
      if (SidecarTask.decoder(row.type()).isEmpty()) {
        try {
          store.save(
              new Row(
                  row.id(),
                  row.type(),
                  TaskStore.FAILED,
                  row.run(),
                  row.params(),
                  null,
                  "no handler registered for task type",
                  row.submittedAt(),
                  Instant.now()));
        } catch (IOException e) {
          log.accept("ERROR sidecar: persisting stale task " + row.id() + ": " + e.getMessage());
        }
        continue;
      }
      log.accept("TASK rehydrating id=" + row.id() + " type=" + row.type() + " run=" + row.run());
      start(row);
    }
  }

  private void start(Row row) {
    Running previous = running.get(row.id());
    if (previous != null) {
      previous.cancelled().set(true);
    }
    Running run = new Running(generations.incrementAndGet(), new AtomicBoolean(), new Future<?>[1]);
    running.put(row.id(), run);
    run.future()[0] = executor.submit(() -> runTask(row, run));
  }

  private void runTask(Row row, Running run) {
    Outcome outcome = execute(row.type(), row.params(), run);
    try {
      if (outcome == null) {
        log.accept("TASK cancelled id=" + row.id() + " (store left as it is)");
        return;
      }
      Row done =
          new Row(
              row.id(),
              row.type(),
              outcome.error() == null ? TaskStore.COMPLETED : TaskStore.FAILED,
              row.run(),
              row.params(),
              null,
              outcome.error(),
              row.submittedAt(),
              Instant.now());
      try {
        store.save(done);
      } catch (IOException e) {
        log.accept("ERROR sidecar: persisting task " + row.id() + ": " + e.getMessage());
      }
      log.accept(
          "TASK "
              + done.status()
              + " id="
              + row.id()
              + " type="
              + row.type()
              + (outcome.error() == null ? "" : " error=" + outcome.error()));
    } finally {
      synchronized (this) {
        Running current = running.get(row.id());
        if (current != null && current.generation() == run.generation()) {
          running.remove(row.id());
        }
      }
    }
  }

  /** A run's outcome: its error, null on success. */
  private record Outcome(String error) {}

  /** Runs a handler; null when the run was cancelled. */
  private Outcome execute(String type, JsonNode params, Running run) {
    long start = System.nanoTime();
    try {
      while (faults.current().sidecar().hangs(type)) {
        Thread.sleep(50);
      }
      if (faults.current().sidecar().fails(type)) {
        throw new TaskFailure("injected fault: tasks of type " + type + " fail");
      }
      SidecarTask task = SidecarTask.decoder(type).orElseThrow().decode(params);
      task.execute(env);
      metrics.observe(type, TaskStore.COMPLETED, seconds(start));
      if (type.equals(MARK_READY) && !ready.getAndSet(true)) {
        log.accept("SIDECAR ready");
      }
      return new Outcome(null);
    } catch (InterruptedException | ClosedByInterruptException e) {
      return cancelled(type, start, run, "cancelled");
    } catch (TaskFailure e) {
      return failed(type, start, run, e.getMessage());
    } catch (IOException e) {
      return failed(type, start, run, type + ": " + e.getMessage());
    } catch (RuntimeException | Error e) {
      if (run.cancelled().get() || closing.get()) {
        return null;
      }
      metrics.panicked(type);
      metrics.failed(type);
      return new Outcome("task handler panicked: " + e);
    }
  }

  private Outcome failed(String type, long start, Running run, String error) {
    if (run.cancelled().get() || closing.get() || Thread.currentThread().isInterrupted()) {
      return null;
    }
    metrics.observe(type, TaskStore.FAILED, seconds(start));
    metrics.failed(type);
    return new Outcome(error);
  }

  private Outcome cancelled(String type, long start, Running run, String error) {
    if (run.cancelled().get() || closing.get()) {
      return null;
    }
    return failed(type, start, run, error);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  Row get(String id) {
    return store.get(id);
  }

  List<Row> recent() {
    return store.recent(LIST_LIMIT);
  }

  /** Cancels a running task and removes its row; false when unknown. */
  boolean delete(String id) throws IOException {
    Running run;
    synchronized (this) {
      run = running.get(id);
      if (run != null) {
        run.cancelled().set(true);
        if (run.future()[0] != null) {
          run.future()[0].cancel(true);
        }
      }
    }
    boolean deleted = store.delete(id);
    synchronized (this) {
      Running current = running.get(id);
      if (run != null && current != null && current.generation() == run.generation()) {
        running.remove(id);
      }
    }
    return deleted;
  }

  /** Null when the store can be written, else why not. */
  String livez() {
    try {
      store.ping();
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /** Stops every running task, leaving their rows running for the next sidecar. */
  @Override
  public void close() {
    closing.set(true);
    synchronized (this) {
      running.values().forEach(r -> r.cancelled().set(true));
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
