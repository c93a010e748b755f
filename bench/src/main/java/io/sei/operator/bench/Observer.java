package io.sei.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Watches the SeiNodes and SeiNodeDeployments of a namespace (admin client, informers) and records,
 * on this JVM's monotonic clock, when each first showed a phase and when each plan task was first
 * seen running and complete. Status timestamps are whole seconds; these are as precise as watch
 * delivery.
 */
public final class Observer implements AutoCloseable {
  /** One plan task of one resource as observed. */
  public static final class TaskTiming {
    public final String kind;
    public final String resource;
    public final String type;
    public final int index;
    public volatile Long runningNanos;
    public volatile Long completeNanos;
    public volatile String submittedAt;
    public volatile String completedAt;
    public volatile String status;

    TaskTiming(String kind, String resource, String type, int index) {
      this.kind = kind;
      this.resource = resource;
      this.type = type;
      this.index = index;
    }
  }

  private final Map<String, Long> firstPhase = new ConcurrentHashMap<>();
  private final Map<String, String> phases = new ConcurrentHashMap<>();
  private final Map<String, TaskTiming> tasks = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  public Observer(KubernetesClient client, String namespace) {
    informers.add(
        observe(
            client.resources(SeiNode.class).inNamespace(namespace).inform(),
            "SeiNode",
            n -> n.getStatus() == null ? null : n.getStatus().getPhase(),
            n -> n.getStatus() == null ? null : n.getStatus().getPlan()));
    informers.add(
        observe(
            client.resources(SeiNodeDeployment.class).inNamespace(namespace).inform(),
            "SeiNodeDeployment",
            d -> d.getStatus() == null ? null : d.getStatus().getPhase(),
            d -> d.getStatus() == null ? null : d.getStatus().getPlan()));
  }

  private <T extends HasMetadata> SharedIndexInformer<T> observe(
      SharedIndexInformer<T> informer,
      String kind,
      Function<T, Object> phase,
      Function<T, TaskPlan> plan) {
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            record(kind, obj, phase.apply(obj), plan.apply(obj));
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            record(kind, newObj, phase.apply(newObj), plan.apply(newObj));
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            phases.remove(kind + "/" + obj.getMetadata().getName());
          }
        });
    return informer;
  }

  private void record(String kind, HasMetadata obj, Object phase, TaskPlan plan) {
    long now = System.nanoTime();
    String name = obj.getMetadata().getName();
    if (phase != null) {
      phases.put(kind + "/" + name, phase.toString());
      firstPhase.putIfAbsent(kind + "/" + name + "/" + phase, now);
    }
    if (plan == null || plan.getTasks() == null) {
      return;
    }
    for (int i = 0; i < plan.getTasks().size(); i++) {
      PlannedTask task = plan.getTasks().get(i);
      int index = i;
      TaskTiming t =
          tasks.computeIfAbsent(
              kind + "/" + name + "/" + plan.getId() + "/" + i,
              k -> new TaskTiming(kind, name, task.getType(), index));
      t.status = String.valueOf(task.getStatus());
      t.submittedAt = task.getSubmittedAt();
      t.completedAt = task.getCompletedAt();
      if (task.getStatus() == TaskStatus.Running && t.runningNanos == null) {
        t.runningNanos = now;
      }
      if (task.getStatus() == TaskStatus.Complete && t.completeNanos == null) {
        t.completeNanos = now;
      }
    }
  }

  /** When {@code kind/name} was first seen in {@code phase}. */
  public Optional<Long> firstSeen(String kind, String name, String phase) {
    return Optional.ofNullable(firstPhase.get(kind + "/" + name + "/" + phase));
  }

  /** The latest of the moments resources of {@code kind} first showed {@code phase}. */
  public Optional<Long> lastFirstSeen(String kind, String phase) {
    return firstPhase.entrySet().stream()
        .filter(e -> e.getKey().startsWith(kind + "/") && e.getKey().endsWith("/" + phase))
        .map(Map.Entry::getValue)
        .max(Long::compare);
  }

  /** How many resources of {@code kind} are in {@code phase} now. */
  public long count(String kind, Predicate<String> phase) {
    return phases.entrySet().stream()
        .filter(e -> e.getKey().startsWith(kind + "/") && phase.test(e.getValue()))
        .count();
  }

  /** The latest phase of every resource of {@code kind}, by phase. */
  public Map<String, Long> phaseCounts(String kind) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    phases.forEach(
        (k, v) -> {
          if (k.startsWith(kind + "/")) {
            counts.merge(v, 1L, Long::sum);
          }
        });
    return counts;
  }

  public List<TaskTiming> tasks() {
    return List.copyOf(tasks.values());
  }

  /** Waits until {@code condition} holds, polling the recorded state; false on timeout. */
  public static boolean await(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
