package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pod on the simulated node: volumes, init containers in order (native sidecars started and
 * kept running), main containers, probes, restarts with crash-loop back-off, and a status the real
 * StatefulSet, Job and EndpointSlice controllers act on. Deletion stops main containers, then
 * sidecars, writes a terminal phase and finishes the delete.
 */
final class PodSandbox {
  private static final Logger LOG = LoggerFactory.getLogger(PodSandbox.class);
  private static final int TERMINATION_MESSAGE_MAX = 4096;
  private static final int LOG_TAIL_LINES = 80;

  private final KubeletContext k;
  private final String uid;
  private final String namespace;
  private final String name;
  private final Path podDir;
  private final List<ContainerSlot> initSlots = new ArrayList<>();
  private final List<ContainerSlot> mainSlots = new ArrayList<>();
  private final Map<String, PodCondition> conditions = new LinkedHashMap<>();
  private final Map<ContainerSlot, List<ScheduledFuture<?>>> probeTasks = new HashMap<>();
  private final Thread worker;

  private volatile Pod pod;
  private PodNet net;
  private Map<String, java.nio.file.Path> volumes;
  private Instant startTime;
  private String phase = "Pending";
  private boolean volumesReady;
  private boolean initialized;
  private boolean terminating;
  private boolean gone;

  /** A status write is scheduled or in flight. */
  private boolean writeScheduled;

  /** The status changed while a write was in flight: write again once it is done. */
  private boolean dirtyAgain;

  PodSandbox(KubeletContext k, Pod pod) {
    this.k = k;
    this.pod = pod;
    this.uid = pod.getMetadata().getUid();
    this.namespace = pod.getMetadata().getNamespace();
    this.name = pod.getMetadata().getName();
    this.podDir = k.stateDir().resolve("pods").resolve(namespace + "_" + name + "_" + uid);
    pod.getSpec().getInitContainers().forEach(c -> initSlots.add(new ContainerSlot(c, true)));
    pod.getSpec().getContainers().forEach(c -> mainSlots.add(new ContainerSlot(c, false)));
    this.worker = new Thread(this::run, "pod-" + namespace + "-" + name);
    worker.setDaemon(true);
  }

  void start() {
    worker.start();
  }

  boolean is(String ns, String podName) {
    return namespace.equals(ns) && name.equals(podName);
  }

  String podIp() {
    return net == null ? null : net.podIp();
  }

  Path logFile(String container) {
    return podDir.resolve("logs").resolve(container + ".log");
  }

  /** The API server has a newer version of the pod (deletion is what matters). */
  synchronized void update(Pod latest) {
    this.pod = latest;
    if (latest.getMetadata().getDeletionTimestamp() != null && !terminating) {
      terminating = true;
      notifyAll();
    }
  }

  /** The pod object is gone: stop everything at once, write nothing. */
  void kill() {
    synchronized (this) {
      gone = true;
      terminating = true;
      notifyAll();
    }
    stopAll(Duration.ZERO);
    cleanup();
  }

  // ---- the pod's life, on its own thread ------------------------------------------------------

  private void run() {
    try {
      synchronized (this) {
        net = new PodNet(k.addresses().allocate(), k.dns());
        startTime = Instant.now();
        condition("PodScheduled", true, null, null);
        markDirty();
      }
      if (!prepareVolumes() || !runInitContainers()) {
        awaitTermination();
      } else {
        synchronized (this) {
          initialized = true;
          for (ContainerSlot s : mainSlots) {
            startContainer(s);
          }
          updatePhase();
          markDirty();
        }
        awaitTermination();
      }
      if (!gone) {
        terminate();
      }
    } catch (RuntimeException e) {
      LOG.error("pod {}/{}: kubelet failure", namespace, name, e);
    }
  }

  private boolean prepareVolumes() {
    while (true) {
      try {
        Files.createDirectories(podDir.resolve("logs"));
        Map<String, Path> prepared = k.volumes().prepare(pod, podDir);
        synchronized (this) {
          volumes = prepared;
          volumesReady = true;
          condition("PodReadyToStartContainers", true, null, null);
          markDirty();
        }
        return true;
      } catch (PodVolumes.NotReady e) {
        if (!waitingAll("ContainerCreating", e.getMessage(), Duration.ofMillis(500))) {
          return false;
        }
      } catch (IOException | RuntimeException e) {
        waitingAll("CreateContainerConfigError", e.getMessage(), null);
        return false;
      }
    }
  }

  /** Sets every container waiting with a reason; waits {@code retry} (null: no retry). */
  private synchronized boolean waitingAll(String reason, String message, Duration retry) {
    for (ContainerSlot s : allSlots()) {
      s.state = ContainerSlot.waiting(reason, message);
    }
    markDirty();
    if (retry == null) {
      return false;
    }
    waitFor(retry);
    return !terminating;
  }

  private boolean runInitContainers() {
    for (ContainerSlot s : initSlots) {
      synchronized (this) {
        startContainer(s);
        markDirty();
        // A native sidecar must be started (startup probe passed) before the next container.
        while (!terminating && !(s.nativeSidecar ? s.started : completed(s))) {
          if (!s.nativeSidecar && failedForGood(s)) {
            phase = "Failed";
            markDirty();
            return false;
          }
          waitFor(Duration.ofSeconds(1));
        }
        if (terminating) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean completed(ContainerSlot s) {
    return s.terminated() && s.exitCode() == 0;
  }

  private boolean failedForGood(ContainerSlot s) {
    return s.terminated() && s.exitCode() != 0 && s.restartAt == null;
  }

  private synchronized void awaitTermination() {
    while (!terminating) {
      waitFor(Duration.ofSeconds(1));
    }
  }

  private void waitFor(Duration d) {
    try {
      wait(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      terminating = true;
    }
  }

  // ---- containers ----------------------------------------------------------------------------

  private String restartPolicy() {
    return pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
  }

  /** Starts (or restarts) a container; called with the lock held. */
  private void startContainer(ContainerSlot s) {
    s.restartAt = null;
    ContainerRuntime runtime = k.runtimeFor(s.spec.getImage());
    if (runtime == null) {
      s.state =
          ContainerSlot.waiting(
              "ErrImagePull",
              "image \""
                  + s.spec.getImage()
                  + "\" cannot run on the simulated kubelet: it runs sei-sim and kube-rbac-proxy"
                  + " images only");
      return;
    }
    try {
      List<String> argv = new ArrayList<>(s.spec.getCommand());
      argv.addAll(s.spec.getArgs());
      ContainerLaunch launch =
          new ContainerLaunch(
              namespace + "/" + name + "/" + s.spec.getName(),
              s.spec,
              argv,
              env(s.spec),
              net,
              PodVolumes.mounts(
                  s.spec, volumes, podDir.resolve("rootfs").resolve(s.spec.getName())),
              logFile(s.spec.getName()));
      ContainerProcess process = runtime.start(launch);
      s.process = process;
      s.startedAt = Instant.now();
      s.started = false;
      s.ready = false;
      s.livenessFailures = 0;
      s.readinessFailures = 0;
      s.readinessSuccesses = 0;
      s.state =
          new ContainerStateBuilder()
              .withNewRunning()
              .withStartedAt(s.startedAt.toString())
              .endRunning()
              .build();
      process.exit().thenAccept(code -> onExit(s, process, code));
      scheduleProbes(s, process);
    } catch (IOException | RuntimeException e) {
      s.state = ContainerSlot.waiting("CreateContainerError", e.getMessage());
      onStartFailure(s);
    }
  }

  private void onStartFailure(ContainerSlot s) {
    if (shouldRestart(s, 1)) {
      scheduleRestart(s, "CreateContainerError");
    }
  }

  private Map<String, String> env(Container c) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOSTNAME", name);
    for (EnvVar e : c.getEnv()) {
      env.put(e.getName(), k.envValue(pod, net.podIp(), e));
    }
    return env;
  }

  private synchronized void onExit(ContainerSlot s, ContainerProcess process, int code) {
    if (s.process != process) {
      return;
    }
    cancelProbes(s);
    Instant finished = Instant.now();
    s.state =
        new ContainerStateBuilder()
            .withNewTerminated()
            .withExitCode(code)
            .withReason(code == 0 ? "Completed" : "Error")
            .withMessage(terminationMessage(s, code))
            .withStartedAt(s.startedAt.toString())
            .withFinishedAt(finished.toString())
            .endTerminated()
            .build();
    s.ready = false;
    s.started = false;
    if (!terminating && !terminal() && shouldRestart(s, code)) {
      scheduleRestart(s, "CrashLoopBackOff");
    }
    updatePhase();
    markDirty();
    notifyAll();
  }

  private boolean shouldRestart(ContainerSlot s, int code) {
    if (s.nativeSidecar) {
      return true;
    }
    String policy = restartPolicy();
    if (s.init) {
      return code != 0 && !policy.equals("Never");
    }
    return policy.equals("Always") || (policy.equals("OnFailure") && code != 0);
  }

  private void scheduleRestart(ContainerSlot s, String reason) {
    s.lastState = s.state;
    s.restartCount++;
    long base = k.settings().backoffBase().toMillis();
    long delay =
        Math.min(base << Math.min(s.restartCount - 1, 20), k.settings().backoffMax().toMillis());
    s.restartAt = Instant.now().plusMillis(delay);
    s.state =
        ContainerSlot.waiting(
            reason,
            "back-off "
                + delay
                + "ms restarting failed container="
                + s.spec.getName()
                + " pod="
                + name
                + "_"
                + namespace);
    k.later(
        delay,
        () -> {
          synchronized (this) {
            if (s.restartAt != null && !terminating && !terminal()) {
              startContainer(s);
              markDirty();
              notifyAll();
            }
          }
        });
  }

  private String terminationMessage(ContainerSlot s, int code) {
    String path =
        s.spec.getTerminationMessagePath() == null
            ? "/dev/termination-log"
            : s.spec.getTerminationMessagePath();
    try {
      Path file =
          PodVolumes.mounts(s.spec, volumes, podDir.resolve("rootfs").resolve(s.spec.getName()))
              .resolve(path);
      if (Files.isRegularFile(file) && Files.size(file) > 0) {
        return truncate(Files.readString(file));
      }
      if (code != 0 && "FallbackToLogsOnError".equals(s.spec.getTerminationMessagePolicy())) {
        List<String> lines = Files.readAllLines(logFile(s.spec.getName()), StandardCharsets.UTF_8);
        return truncate(
            String.join(
                "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())));
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String truncate(String s) {
    return s.length() <= TERMINATION_MESSAGE_MAX
        ? s
        : s.substring(s.length() - TERMINATION_MESSAGE_MAX);
  }

  // ---- probes --------------------------------------------------------------------------------

  private void scheduleProbes(ContainerSlot s, ContainerProcess process) {
    Probe startup = s.spec.getStartupProbe();
    if (startup == null) {
      s.started = true;
      afterStarted(s, process);
    } else {
      Instant budgetEnd = s.startedAt.plus(startupBudget(startup));
      schedule(
          s,
          startup,
          () -> {
            boolean ok = k.probes().check(startup, s.spec, net.podIp());
            boolean kill = false;
            synchronized (this) {
              if (s.process != process || s.started) {
                return;
              }
              if (ok) {
                s.started = true;
                cancelProbes(s);
                afterStarted(s, process);
                markDirty();
                notifyAll();
              } else if (!Instant.now().isBefore(budgetEnd)) {
                // Kubernetes: failureThreshold consecutive failures kill the container, which
                // then restarts per its restart policy.
                kill = true;
                cancelProbes(s);
                LOG.info(
                    "pod {}/{}: container {} failed its startup probe, will be restarted",
                    namespace,
                    name,
                    s.spec.getName());
              }
            }
            if (kill) {
              process.stop(probeKillGrace(startup));
            }
          });
    }
  }

  private void afterStarted(ContainerSlot s, ContainerProcess process) {
    Probe readiness = s.spec.getReadinessProbe();
    if (readiness == null) {
      s.ready = true;
    } else {
      schedule(
          s,
          readiness,
          () -> {
            boolean ok = k.probes().check(readiness, s.spec, net.podIp());
            synchronized (this) {
              if (s.process != process) {
                return;
              }
              if (ok) {
                s.readinessFailures = 0;
                s.readinessSuccesses++;
              } else {
                s.readinessSuccesses = 0;
                s.readinessFailures++;
              }
              boolean was = s.ready;
              if (ok && s.readinessSuccesses >= threshold(readiness.getSuccessThreshold(), 1)) {
                s.ready = true;
              } else if (!ok
                  && s.readinessFailures >= threshold(readiness.getFailureThreshold(), 3)) {
                s.ready = false;
              }
              if (was != s.ready) {
                markDirty();
              }
            }
          });
    }
    Probe liveness = s.spec.getLivenessProbe();
    if (liveness != null) {
      schedule(
          s,
          liveness,
          () -> {
            boolean ok = k.probes().check(liveness, s.spec, net.podIp());
            boolean kill;
            synchronized (this) {
              if (s.process != process) {
                return;
              }
              s.livenessFailures = ok ? 0 : s.livenessFailures + 1;
              kill = s.livenessFailures >= threshold(liveness.getFailureThreshold(), 3);
            }
            if (kill) {
              process.stop(gracePeriod());
            }
          });
    }
  }

  /**
   * The startup probe's failure budget in real time: {@code initialDelaySeconds + failureThreshold
   * × periodSeconds} (defaults 0, 3, 10), uncapped. The kubelet probes more often than the spec
   * says ({@code probeCap}), so counting capped probes would kill far too early; a real kubelet
   * reaches {@code failureThreshold} consecutive failures after about this long.
   */
  static Duration startupBudget(Probe startup) {
    return Duration.ofSeconds(
        Math.max(0, startup.getInitialDelaySeconds() == null ? 0 : startup.getInitialDelaySeconds())
            + (long) threshold(startup.getFailureThreshold(), 3)
                * Math.max(
                    1, startup.getPeriodSeconds() == null ? 10 : startup.getPeriodSeconds()));
  }

  /** A probe's own termination grace period, else the pod's. */
  private Duration probeKillGrace(Probe probe) {
    Long seconds = probe.getTerminationGracePeriodSeconds();
    if (seconds == null) {
      return gracePeriod();
    }
    Duration grace = Duration.ofSeconds(Math.max(0, seconds));
    return grace.compareTo(k.settings().maxGracePeriod()) > 0
        ? k.settings().maxGracePeriod()
        : grace;
  }

  private static int threshold(Integer value, int dflt) {
    return value == null || value < 1 ? dflt : value;
  }

  private void schedule(ContainerSlot s, Probe probe, Runnable check) {
    long cap = k.settings().probeCap().toMillis();
    long delay = Math.min(seconds(probe.getInitialDelaySeconds(), 0), cap);
    long period = Math.max(50, Math.min(seconds(probe.getPeriodSeconds(), 10), cap));
    probeTasks
        .computeIfAbsent(s, x -> new ArrayList<>())
        .add(
            k.scheduler()
                .scheduleWithFixedDelay(
                    () -> k.workers().execute(check), delay, period, TimeUnit.MILLISECONDS));
  }

  private static long seconds(Integer value, int dflt) {
    return (value == null ? dflt : value) * 1000L;
  }

  private void cancelProbes(ContainerSlot s) {
    List<ScheduledFuture<?>> tasks = probeTasks.remove(s);
    if (tasks != null) {
      tasks.forEach(t -> t.cancel(false));
    }
  }

  // ---- phase and termination -----------------------------------------------------------------

  private boolean terminal() {
    return phase.equals("Succeeded") || phase.equals("Failed");
  }

  private void updatePhase() {
    if (terminal() || !initialized) {
      return;
    }
    boolean allDone = mainSlots.stream().allMatch(s -> s.terminated() && s.restartAt == null);
    if (allDone) {
      phase = mainSlots.stream().allMatch(s -> s.exitCode() == 0) ? "Succeeded" : "Failed";
      // Sidecars stop once the main containers are done for good.
      List<ContainerSlot> sidecars = new ArrayList<>(initSlots);
      k.workers().execute(() -> stopSlots(reversed(sidecars), gracePeriod()));
    } else if (mainSlots.stream()
        .anyMatch(s -> s.running() || s.restartAt != null || s.terminated())) {
      phase = "Running";
    }
  }

  private Duration gracePeriod() {
    Long seconds = pod.getMetadata().getDeletionGracePeriodSeconds();
    if (seconds == null) {
      seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    }
    Duration grace = Duration.ofSeconds(seconds == null ? 30 : seconds);
    return grace.compareTo(k.settings().maxGracePeriod()) > 0
        ? k.settings().maxGracePeriod()
        : grace;
  }

  private void terminate() {
    Duration grace = gracePeriod();
    stopSlots(mainSlots, grace);
    stopSlots(reversed(initSlots), grace);
    synchronized (this) {
      if (!terminal()) {
        phase =
            initialized && mainSlots.stream().allMatch(s -> !s.terminated() || s.exitCode() == 0)
                ? "Succeeded"
                : "Failed";
      }
      for (ContainerSlot s : allSlots()) {
        if (!s.terminated()) {
          s.state = terminatedNoStart();
        }
        s.ready = false;
      }
    }
    writeFinalStatus();
    try {
      k.client().pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
    } catch (KubernetesClientException e) {
      LOG.debug("pod {}/{}: final delete: {}", namespace, name, e.getMessage());
    }
    cleanup();
  }

  private static ContainerState terminatedNoStart() {
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(137)
        .withReason("ContainerStatusUnknown")
        .withMessage("the pod was deleted before the container ran")
        .endTerminated()
        .build();
  }

  private static List<ContainerSlot> reversed(List<ContainerSlot> slots) {
    List<ContainerSlot> r = new ArrayList<>(slots);
    java.util.Collections.reverse(r);
    return r;
  }

  /** Stops the given containers one after another (no restart: callers set terminal state). */
  private void stopSlots(List<ContainerSlot> slots, Duration grace) {
    for (ContainerSlot s : slots) {
      ContainerProcess p;
      synchronized (this) {
        s.restartAt = null;
        cancelProbes(s);
        p = s.process;
      }
      if (p != null && !p.exit().isDone()) {
        p.stop(grace);
      }
    }
  }

  private void stopAll(Duration grace) {
    stopSlots(mainSlots, grace);
    stopSlots(reversed(initSlots), grace);
  }

  private void cleanup() {
    k.addresses().release(podIp());
    k.forget(uid);
  }

  private List<ContainerSlot> allSlots() {
    List<ContainerSlot> all = new ArrayList<>(initSlots);
    all.addAll(mainSlots);
    return all;
  }

  // ---- status ----------------------------------------------------------------------------------

  private void condition(String type, boolean status, String reason, String message) {
    PodCondition old = conditions.get(type);
    String value = status ? "True" : "False";
    if (old != null && old.getStatus().equals(value)) {
      return;
    }
    conditions.put(
        type,
        new PodConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withLastTransitionTime(Instant.now().toString())
            .build());
  }

  /**
   * Coalesces status writes: at most one scheduled or in flight per pod, so an older status can
   * never land after a newer one (the writes carry no resourceVersion); a change during a write is
   * written right after it.
   */
  private synchronized void markDirty() {
    if (gone) {
      return;
    }
    if (writeScheduled) {
      dirtyAgain = true;
      return;
    }
    writeScheduled = true;
    k.later(20, this::writeStatus);
  }

  /** Writes the status now, once a write in flight is done (a terminating pod's last status). */
  private void writeFinalStatus() {
    synchronized (this) {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (writeScheduled && System.nanoTime() < deadline) {
        waitFor(Duration.ofMillis(50));
      }
      writeScheduled = true;
    }
    writeStatus();
  }

  private void writeStatus() {
    PodStatus status;
    synchronized (this) {
      dirtyAgain = false;
      if (gone) {
        writeScheduled = false;
        return;
      }
      status = buildStatus();
    }
    boolean retry = false;
    try {
      k.client()
          .pods()
          .inNamespace(namespace)
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withStatus(status)
                  .build())
          .patchStatus();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        LOG.warn("pod {}/{}: status write failed: {}", namespace, name, e.getMessage());
        retry = true;
      }
    }
    synchronized (this) {
      writeScheduled = false;
      notifyAll();
      if (retry || dirtyAgain) {
        markDirty();
      }
    }
  }

  private PodStatus buildStatus() {
    boolean sidecarsStarted =
        initSlots.stream().filter(s -> s.nativeSidecar).allMatch(s -> s.started);
    boolean initDone =
        initialized
            || (initSlots.stream().allMatch(s -> s.nativeSidecar ? s.started : completed(s)));
    condition(
        "Initialized",
        initDone && sidecarsStarted,
        initDone ? null : "ContainersNotInitialized",
        null);
    boolean containersReady =
        initialized
            && !terminal()
            && mainSlots.stream().allMatch(s -> s.ready)
            && initSlots.stream().filter(s -> s.nativeSidecar).allMatch(s -> s.ready);
    condition(
        "ContainersReady", containersReady, containersReady ? null : "ContainersNotReady", null);
    condition("Ready", containersReady, containersReady ? null : "ContainersNotReady", null);
    String ip = podIp();
    return new PodStatusBuilder()
        .withPhase(phase)
        .withConditions(new ArrayList<>(conditions.values()))
        .withHostIP("127.0.0.1")
        .withPodIP(ip)
        .withPodIPs(ip == null ? List.of() : List.of(new PodIP(ip)))
        .withStartTime(startTime == null ? null : startTime.toString())
        .withInitContainerStatuses(initSlots.stream().map(s -> s.status(uid)).toList())
        .withContainerStatuses(mainSlots.stream().map(s -> s.status(uid)).toList())
        .build();
  }
}
