package io.sei.operator.simulator.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.Labels;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.rehearse.Report.ChainTimeline;
import io.sei.operator.simulator.rehearse.Report.Crash;
import io.sei.operator.simulator.rehearse.Report.Event;
import io.sei.operator.simulator.rehearse.Report.Interval;
import io.sei.operator.simulator.rehearse.Report.NodeTimeline;
import io.sei.operator.simulator.rehearse.Report.PlanDurations;
import io.sei.operator.simulator.rehearse.Report.Point;
import io.sei.operator.simulator.rehearse.Report.ServiceDowntime;
import io.sei.operator.simulator.rehearse.Report.Signing;
import io.sei.operator.simulator.rehearse.Report.TaskDuration;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Samples a rehearsal's namespace and chain every few hundred milliseconds on one thread: the
 * chain's height and halts; every SeiNode's and SeiNodeDeployment's phase and plan; every pod's
 * readiness, container exits and seid height ({@code /status} on 26657 at the pod IP); every
 * Service's ready endpoints (its selector evaluated against the Ready pods: this backend publishes
 * no EndpointSlices for loopback pod IPs); the signatures of watched validator keys. Changes become
 * progress lines. {@link #finish()} turns it all into the report's timelines.
 */
final class Recorder {
  static final int SEID_RPC_PORT = 26657;

  /** 128 + SIGTERM: a container the kubelet stopped (pod deleted, Job done), not a crash. */
  static final int STOPPED_BY_SIGTERM = 143;

  private static final int HEIGHTS_LINE_EVERY = 10;

  private final KubernetesClient client;
  private final String namespace;
  private final String chainUrl;
  private final SimHttp http;
  private final Progress progress;
  private final Instant start;
  private final long startNanos;
  private final long sampleMillis;
  private final ScheduledExecutorService sampler;
  private final Map<String, String> watchedSigners = new ConcurrentHashMap<>();
  private final List<Watch> watches = new ArrayList<>();
  private final Queue<SelectorSeen> selectorEvents = new ConcurrentLinkedQueue<>();
  private final Map<String, Long> deletionsSeen = new ConcurrentHashMap<>();
  private final Map<String, Long> endpointsNow = new ConcurrentHashMap<>();
  private final AtomicLong caughtUpNow = new AtomicLong(-1);

  // Touched only by the sampler thread (and by finish() once it has stopped).
  private final List<Point> chainHeights = new ArrayList<>();
  private final List<Interval> halts = new ArrayList<>();
  private Interval openHalt;
  private long chainHeight;
  private long lastHeightsLine = -1;
  private String lastNodeHeights;
  private final Map<String, NodeTrack> nodes = new LinkedHashMap<>();
  private final Map<String, OwnerTrack> deployments = new LinkedHashMap<>();
  private final Map<String, PodTrack> pods = new LinkedHashMap<>();
  private final Map<String, ServiceTrack> services = new LinkedHashMap<>();
  private final Map<String, PlanTrack> plans = new LinkedHashMap<>();
  private final Set<String> terminations = new HashSet<>();
  private final List<Crash> crashes = new ArrayList<>();
  private final Map<String, SignerTrack> signers = new TreeMap<>();
  private String lastSampleError;
  private long lastT;

  Recorder(
      KubernetesClient client,
      String namespace,
      String chainUrl,
      SimHttp http,
      Progress progress,
      Instant start,
      long startNanos,
      long sampleMillis) {
    this.client = client;
    this.namespace = namespace;
    this.chainUrl = chainUrl;
    this.http = http;
    this.progress = progress;
    this.start = start;
    this.startNanos = startNanos;
    this.sampleMillis = sampleMillis;
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "rehearse-recorder");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts sampling, and watches for the two order-sensitive events a sample could merge. */
  void start() {
    watches.add(
        client
            .services()
            .inNamespace(namespace)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Service service) {
                    Map<String, String> selector = service.getSpec().getSelector();
                    if (action != Action.DELETED && selector != null) {
                      selectorEvents.add(
                          new SelectorSeen(now(), service.getMetadata().getName(), selector));
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                }));
    watches.add(
        client
            .resources(SeiNode.class)
            .inNamespace(namespace)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, SeiNode node) {
                    if (action == Action.DELETED
                        || node.getMetadata().getDeletionTimestamp() != null) {
                      deletionsSeen.putIfAbsent(node.getMetadata().getName(), now());
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                }));
    sampler.scheduleWithFixedDelay(this::sample, 0, sampleMillis, TimeUnit.MILLISECONDS);
  }

  /** A Service's selector as a watch event delivered it. */
  private record SelectorSeen(long t, String name, Map<String, String> selector) {}

  /** Also follow this key's signatures on the chain (it belongs to {@code node}). */
  void watchSigner(String node, String address) {
    watchedSigners.put(address, node);
  }

  long now() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** What was observed, with the last sample taken now. */
  record Observations(
      long end,
      ChainTimeline chain,
      List<NodeTimeline> nodes,
      List<ServiceDowntime> services,
      List<Crash> crashes,
      List<PlanDurations> plans,
      List<Signing> signing,
      Map<String, Long> selectorSwitchedAt) {}

  /**
   * Stops sampling, takes one last sample (unless {@code lastSample} is false: on SIGINT/SIGTERM
   * the control plane may already be going away) and builds the timelines.
   */
  Observations finish(boolean lastSample) {
    watches.forEach(Watch::close);
    if (lastSample) {
      sampler.shutdown(); // lets a sample in flight finish: an interrupt would fail its API calls
    } else {
      sampler.shutdownNow();
    }
    try {
      sampler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (lastSample) {
      sample();
    } else {
      lastT = now();
    }
    long end = lastT;
    List<Point> chainPoints = new ArrayList<>(chainHeights);
    chainPoints.add(new Point(end, chainHeight));
    List<Interval> haltList = new ArrayList<>(halts);
    if (openHalt != null) {
      haltList.add(openHalt);
    }
    List<NodeTimeline> nodeList = nodes.values().stream().map(n -> n.timeline(end)).toList();
    List<ServiceDowntime> serviceList =
        services.values().stream().map(s -> s.downtime(end)).toList();
    List<PlanDurations> planList = plans.values().stream().map(PlanTrack::durations).toList();
    List<Signing> signing = signers.values().stream().map(s -> s.signing(chainHeight)).toList();
    Map<String, Long> switched = new LinkedHashMap<>();
    services.values().forEach(s -> switched.put(s.name, s.lastSelectorChangeAt));
    return new Observations(
        end,
        new ChainTimeline(chainPoints, haltList, chainHeight),
        nodeList,
        serviceList,
        List.copyOf(crashes),
        planList,
        signing,
        switched);
  }

  private void sample() {
    try {
      long t = now();
      lastT = t;
      sampleChain(t);
      List<Pod> podList = client.pods().inNamespace(namespace).list().getItems();
      sampleDeployments(t);
      sampleNodes(t, podList);
      samplePods(t, podList);
      sampleHeights(t, podList);
      sampleServices(t, podList);
      sampleSigners();
      heightsLine();
      lastSampleError = null;
    } catch (RuntimeException e) {
      String message =
          e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
      if (!message.equals(lastSampleError)) {
        progress.line("recorder: a sample failed: " + message);
        lastSampleError = message;
      }
    }
  }

  // --- chain ---

  private void sampleChain(long t) {
    JsonNode result;
    try {
      result = http.get(URI.create(chainUrl + "/status")).body().path("result");
    } catch (IOException e) {
      return;
    }
    long height = result.path("sync_info").path("latest_block_height").asLong(chainHeight);
    if (height != chainHeight || chainHeights.isEmpty()) {
      chainHeights.add(new Point(t, height));
      chainHeight = height;
    }
    boolean halted = result.path("sim").path("halted").asBoolean(false);
    if (halted && openHalt == null) {
      String upgrade = result.path("sim").path("halted_for_upgrade").asText("");
      openHalt = new Interval(t, null, "halted at " + height + " for upgrade " + upgrade);
      heightsNow("chain halted at " + height + " (upgrade " + upgrade + ")");
    } else if (!halted && openHalt != null) {
      halts.add(new Interval(openHalt.from(), t, openHalt.label()));
      openHalt = null;
    }
  }

  /**
   * Every {@value #HEIGHTS_LINE_EVERY} blocks of the chain, a line with every node's height —
   * unless no node moved since the last one (a stalled rollout prints nothing new).
   */
  private void heightsLine() {
    if (chainHeight / HEIGHTS_LINE_EVERY != lastHeightsLine / HEIGHTS_LINE_EVERY
        && !nodeHeights().equals(lastNodeHeights)) {
      heightsNow("heights");
    }
  }

  private void heightsNow(String title) {
    lastHeightsLine = chainHeight;
    lastNodeHeights = nodeHeights();
    progress.line(title + ": chain=" + chainHeight + lastNodeHeights);
  }

  private String nodeHeights() {
    StringBuilder line = new StringBuilder();
    nodes.values().stream()
        .filter(n -> n.goneAt == null)
        .forEach(n -> line.append(' ').append(n.name).append('=').append(n.heightText()));
    return line.toString();
  }

  // --- SeiNodeDeployments and SeiNodes ---

  private void sampleDeployments(long t) {
    for (SeiNodeDeployment snd :
        client.resources(SeiNodeDeployment.class).inNamespace(namespace).list().getItems()) {
      String name = snd.getMetadata().getName();
      OwnerTrack owner = deployments.computeIfAbsent(name, n -> new OwnerTrack("deployment " + n));
      var status = snd.getStatus();
      if (status == null) {
        continue;
      }
      owner.observe(
          String.valueOf(status.getPhase()),
          status.getPlanProgress(),
          status.getPlan(),
          t,
          status.getPhase() != null
              && Set.of("Degraded", "Failed").contains(status.getPhase().name()),
          null);
    }
  }

  private void sampleNodes(long t, List<Pod> podList) {
    Set<String> present = new HashSet<>();
    for (SeiNode node : client.resources(SeiNode.class).inNamespace(namespace).list().getItems()) {
      String name = node.getMetadata().getName();
      present.add(name);
      NodeTrack track = nodes.get(name);
      if (track == null) {
        track = new NodeTrack(name, t);
        nodes.put(name, track);
        track.event(t, "created", "image " + node.getSpec().getImage());
      }
      track.image = node.getSpec().getImage();
      if (node.getMetadata().getDeletionTimestamp() != null) {
        track.deleting(deletionsSeen.getOrDefault(name, t));
      }
      var status = node.getStatus();
      if (status == null) {
        continue;
      }
      boolean failed =
          status.getPhase() != null && status.getPhase().name().equals("Failed")
              || condition(status.getConditions(), Conditions.NODE_UPDATE_IN_PROGRESS)
                  .filter(c -> Conditions.REASON_UPDATE_FAILED.equals(c.getReason()))
                  .isPresent();
      track.owner.observe(
          String.valueOf(status.getPhase()),
          status.getPlanProgress(),
          status.getPlan(),
          t,
          failed,
          track);
    }
    for (NodeTrack track : nodes.values()) {
      if (!present.contains(track.name) && track.goneAt == null) {
        track.deleting(deletionsSeen.getOrDefault(track.name, t));
        track.goneAt = t;
        track.setReady(t, false, chainHeight);
        track.event(t, "deleted", "SeiNode gone");
        progress.line("node " + track.name + ": gone");
      }
    }
  }

  /** The condition of {@code type}, if any. */
  static Optional<Condition> condition(List<Condition> conditions, String type) {
    return Objects.requireNonNullElse(conditions, List.<Condition>of()).stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  // --- pods ---

  private void samplePods(long t, List<Pod> podList) {
    Set<String> present = new HashSet<>();
    for (Pod pod : podList) {
      String uid = pod.getMetadata().getUid();
      present.add(uid);
      String nodeName = label(pod, Labels.NODE);
      PodTrack track = pods.get(uid);
      if (track == null) {
        track = new PodTrack(pod.getMetadata().getName(), nodeName, label(pod, Labels.ROLE), t);
        track.image = seidImage(pod);
        pods.put(uid, track);
        NodeTrack node = nodes.get(nodeName);
        if (node != null) {
          node.event(t, "pod-created", track.name + " (" + track.role + ", " + track.image + ")");
          if (Labels.ROLE_PRODUCTION.equals(track.role)) {
            node.productionPods.add(uid);
          }
        }
        progress.line("pod " + track.name + " (" + track.role + ", " + track.image + ") created");
      }
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if (!Objects.equals(phase, track.phase)) {
        track.phase = phase;
        NodeTrack node = nodes.get(nodeName);
        if (node != null) {
          node.event(t, "pod-phase", track.name + " " + phase);
        }
        progress.line("pod " + track.name + ": phase " + phase);
      }
      observeExits(t, pod, track);
    }
    for (Map.Entry<String, PodTrack> e : pods.entrySet()) {
      PodTrack track = e.getValue();
      if (!present.contains(e.getKey()) && track.goneAt == null) {
        track.goneAt = t;
        NodeTrack node = nodes.get(track.node);
        if (node != null) {
          node.event(t, "pod-deleted", track.name);
        }
        progress.line("pod " + track.name + " deleted");
      }
    }
    Map<String, Boolean> readyByNode = new HashMap<>();
    for (Pod pod : podList) {
      if (Labels.ROLE_PRODUCTION.equals(label(pod, Labels.ROLE)) && ready(pod)) {
        readyByNode.put(label(pod, Labels.NODE), true);
      }
    }
    for (NodeTrack node : nodes.values()) {
      if (node.goneAt == null) {
        node.setReady(t, readyByNode.getOrDefault(node.name, false), chainHeight);
      }
    }
  }

  private void observeExits(long t, Pod pod, PodTrack track) {
    if (pod.getStatus() == null) {
      return;
    }
    List<ContainerStatus> statuses =
        Stream.concat(
                Objects.requireNonNullElse(
                    pod.getStatus().getInitContainerStatuses(), List.<ContainerStatus>of())
                    .stream(),
                Objects.requireNonNullElse(
                    pod.getStatus().getContainerStatuses(), List.<ContainerStatus>of())
                    .stream())
            .toList();
    for (ContainerStatus cs : statuses) {
      for (ContainerStateTerminated done :
          Stream.of(cs.getState(), cs.getLastState())
              .filter(Objects::nonNull)
              .map(s -> s.getTerminated())
              .filter(Objects::nonNull)
              .toList()) {
        String key = pod.getMetadata().getUid() + "/" + cs.getName() + "/" + done.getStartedAt();
        if (!terminations.add(key)) {
          continue;
        }
        long at = exitTime(done, t);
        int code = Objects.requireNonNullElse(done.getExitCode(), -1);
        String headline = headline(done.getMessage(), done.getReason());
        NodeTrack node = nodes.get(track.node);
        String what = track.name + " " + cs.getName() + " exited " + code;
        if (code == 0 || code == STOPPED_BY_SIGTERM || stoppedByDeletion(pod, done)) {
          if (node != null) {
            node.event(at, "exit", what + (headline.isEmpty() ? "" : ": " + headline));
          }
          progress.line("pod " + what + (headline.isEmpty() ? "" : ": " + headline));
          continue;
        }
        crashes.add(
            new Crash(
                at, track.node, track.name, cs.getName(), cs.getImage(), code, headline, false));
        if (node != null) {
          node.crashes++;
          node.event(at, "crash", what + ": " + headline);
        }
        String repeatKey = track.name + "/" + cs.getName();
        if (!headline.equals(track.lastCrash.get(repeatKey))) {
          track.lastCrash.put(repeatKey, headline);
          progress.line("pod " + what + ": " + headline);
        }
      }
    }
  }

  /**
   * When a container ended: the API server keeps {@code finishedAt} in whole seconds, so the sample
   * that first saw the exit (at most {@code sampleMillis} late) is the better time unless the exit
   * is older than that second (seen late, e.g. after a failed sample).
   */
  private long exitTime(ContainerStateTerminated done, long seenAt) {
    return instantOf(done.getFinishedAt())
        .map(this::offset)
        .filter(finished -> seenAt - finished >= 1000)
        .orElse(seenAt);
  }

  /**
   * A container that ended once its pod was being deleted was stopped (SIGTERM, or SIGKILL when it
   * was waiting out a crash-loop back-off), whatever its exit code.
   */
  static boolean stoppedByDeletion(Pod pod, ContainerStateTerminated done) {
    Optional<Instant> deleted = instantOf(pod.getMetadata().getDeletionTimestamp());
    Optional<Instant> finished = instantOf(done.getFinishedAt());
    // a container that never ran when the pod was deleted is reported without a finish time
    return deleted.isPresent() && (finished.isEmpty() || !finished.get().isBefore(deleted.get()));
  }

  /** The panic or error line of a termination message (seid's last log lines), else its last. */
  static String headline(String message, String reason) {
    List<String> lines =
        message == null
            ? List.of()
            : message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.startsWith("panic:") || line.startsWith("ERROR")) {
        return abbreviate(line);
      }
    }
    if (!lines.isEmpty()) {
      return abbreviate(lines.get(lines.size() - 1));
    }
    return reason == null ? "" : reason;
  }

  private static String abbreviate(String line) {
    return line.length() <= 240 ? line : line.substring(0, 237) + "...";
  }

  // --- heights ---

  private void sampleHeights(long t, List<Pod> podList) {
    Map<String, Long> heightByNode = new HashMap<>();
    for (Pod pod : podList) {
      String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      if (ip == null
          || ip.isEmpty()
          || pod.getMetadata().getDeletionTimestamp() != null
          || !"Running".equals(pod.getStatus().getPhase())) {
        continue;
      }
      try {
        SimHttp.Reply reply =
            http.get(URI.create("http://" + ip + ":" + SEID_RPC_PORT + "/status"));
        JsonNode height = reply.body().path("result").path("sync_info").path("latest_block_height");
        if (reply.ok() && !height.isMissingNode()) {
          heightByNode.merge(label(pod, Labels.NODE), height.asLong(), Math::max);
        }
      } catch (IOException notServing) {
        // seid not up (starting, crashed, halted): a gap in the node's line
      }
    }
    long worstLag = 0;
    for (NodeTrack node : nodes.values()) {
      if (node.goneAt == null) {
        Long height = heightByNode.get(node.name);
        node.height(t, height);
        if (node.deletingAt == null) {
          worstLag = Math.max(worstLag, height == null ? Long.MAX_VALUE : chainHeight - height);
        }
      }
    }
    caughtUpNow.set(worstLag);
  }

  // --- services ---

  private void sampleServices(long t, List<Pod> podList) {
    for (SelectorSeen seen; (seen = selectorEvents.poll()) != null; ) {
      if (tracked(seen.selector())) {
        services
            .computeIfAbsent(seen.name(), ServiceTrack::new)
            .selector(seen.t(), seen.selector());
      }
    }
    List<Pod> readyPods = podList.stream().filter(Recorder::ready).toList();
    Set<String> present = new HashSet<>();
    for (Service service : client.services().inNamespace(namespace).list().getItems()) {
      Map<String, String> selector = service.getSpec().getSelector();
      if (!tracked(selector)) {
        continue;
      }
      String name = service.getMetadata().getName();
      present.add(name);
      ServiceTrack track = services.computeIfAbsent(name, ServiceTrack::new);
      track.selector(t, selector);
      long endpoints = readyPods.stream().filter(p -> selects(track.selector, p)).count();
      track.observe(t, endpoints);
      endpointsNow.put(name, endpoints);
    }
    services.values().stream()
        .filter(track -> !present.contains(track.name) && track.goneAt == null)
        .forEach(
            track -> {
              track.gone(t);
              endpointsNow.remove(track.name);
            });
  }

  /**
   * Whether every node that is not being deleted answers with a height at most {@code lag} blocks
   * below the chain's, as of the last sample (false before the first).
   */
  boolean caughtUp(long lag) {
    return caughtUpNow.get() >= 0 && caughtUpNow.get() <= lag;
  }

  /** The Service's ready endpoints at the last sample (0 when unknown). */
  long endpoints(String service) {
    return endpointsNow.getOrDefault(service, 0L);
  }

  /**
   * A Service whose downtime means something: it selects pods, and not a bootstrap pod (which
   * serves a Job that ends by design).
   */
  private static boolean tracked(Map<String, String> selector) {
    return selector != null
        && !selector.isEmpty()
        && !Labels.ROLE_BOOTSTRAP.equals(selector.get(Labels.ROLE));
  }

  static boolean selects(Map<String, String> selector, Pod pod) {
    Map<String, String> labels =
        Objects.requireNonNullElse(pod.getMetadata().getLabels(), Map.<String, String>of());
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static String describe(Map<String, String> selector) {
    return new TreeMap<>(selector)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }

  /** Ready as an endpoint: condition Ready=True and not terminating. */
  static boolean ready(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
      return false;
    }
    return Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<PodCondition>of())
        .stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  // --- signers ---

  private void sampleSigners() {
    for (Map.Entry<String, String> watched : watchedSigners.entrySet()) {
      String address = watched.getKey();
      try {
        JsonNode body = http.get(URI.create(chainUrl + "/signatures?address=" + address)).body();
        SignerTrack track =
            signers.computeIfAbsent(address, a -> new SignerTrack(watched.getValue(), a));
        long count = body.path("count").asLong();
        long last = body.path("lastHeight").asLong();
        if (count > 0 && track.firstSigned == null) {
          track.firstSigned = last - count + 1;
          progress.line("node " + track.node + ": first signature at height " + track.firstSigned);
        }
        track.count = count;
        track.lastHeight = last;
      } catch (IOException e) {
        // the next sample asks again
      }
    }
  }

  // --- helpers ---

  private static String label(Pod pod, String key) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  private static String seidImage(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("seid"))
        .map(c -> c.getImage())
        .findFirst()
        .orElse("?");
  }

  private long offset(Instant instant) {
    return Duration.between(start, instant).toMillis();
  }

  private static Optional<Instant> instantOf(String timestamp) {
    if (timestamp == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A SeiNode or SeiNodeDeployment: phase and plan progress lines, its plans' tasks. */
  private final class OwnerTrack {
    final String title;
    String phase;
    String planProgress;
    String planId;

    OwnerTrack(String title) {
      this.title = title;
    }

    void observe(
        String newPhase,
        String newProgress,
        TaskPlan plan,
        long t,
        boolean failed,
        NodeTrack node) {
      if (!Objects.equals(newPhase, phase)) {
        progress.line(title + ": phase " + (phase == null ? "-" : phase) + " -> " + newPhase);
        if (node != null) {
          node.event(t, "phase", newPhase);
        }
        phase = newPhase;
      }
      if (!Objects.equals(newProgress, planProgress) && newProgress != null) {
        progress.line(
            title
                + ": plan "
                + newProgress
                + (node == null ? "" : " (height " + node.heightText() + ")"));
        if (node != null) {
          node.event(t, "plan", newProgress);
        }
      }
      planProgress = newProgress;
      String id = plan == null ? null : plan.getId();
      if (planId != null && !planId.equals(id)) {
        PlanTrack gone = plans.get(title + "/" + planId);
        gone.finish(t, failed ? "Failed" : "Complete");
        progress.line(
            title + ": plan " + gone.outcome.toLowerCase(java.util.Locale.ROOT) + gone.summary());
      }
      if (plan != null) {
        plans.computeIfAbsent(title + "/" + id, k -> new PlanTrack(title, id)).tasks =
            Objects.requireNonNullElse(plan.getTasks(), List.of());
      }
      planId = id;
    }
  }

  private final class PlanTrack {
    final String owner;
    final String id;
    List<PlannedTask> tasks = List.of();
    Long goneAt;
    String outcome = "Active";

    PlanTrack(String owner, String id) {
      this.owner = owner;
      this.id = id;
    }

    void finish(long t, String result) {
      goneAt = t;
      outcome = result;
    }

    String summary() {
      PlanDurations d = durations();
      return d.durationMs() == null
          ? ""
          : " after " + Progress.seconds(d.durationMs()) + " (" + tasks.size() + " tasks)";
    }

    /**
     * The tasks as last written, completed by the plan's disappearance: the tasks not yet written
     * Complete ran in the reconcile that finished the plan, so each ends when the plan was seen
     * gone and, when never written as started, starts when the one before it ended.
     */
    PlanDurations durations() {
      List<TaskDuration> list = new ArrayList<>();
      Instant first = null;
      Instant last = null;
      Instant previousEnd = null;
      for (int i = 0; i < tasks.size(); i++) {
        PlannedTask task = tasks.get(i);
        String submittedAt = task.getSubmittedAt();
        String completedAt = task.getCompletedAt();
        boolean observed = false;
        String status = String.valueOf(task.getStatus());
        if (completedAt == null
            && goneAt != null
            && outcome.equals("Complete")
            && task.getStatus() != TaskStatus.Complete) {
          completedAt = start.plusMillis(goneAt).truncatedTo(ChronoUnit.MILLIS).toString();
          if (submittedAt == null && previousEnd != null) {
            submittedAt = previousEnd.toString();
          }
          observed = true;
          status = TaskStatus.Complete.name();
        }
        Optional<Instant> from = instantOf(submittedAt);
        Optional<Instant> to = instantOf(completedAt);
        Long duration =
            from.isPresent() && to.isPresent()
                ? Math.max(0, Duration.between(from.get(), to.get()).toMillis())
                : null;
        if (from.isPresent() && (first == null || from.get().isBefore(first))) {
          first = from.get();
        }
        if (to.isPresent() && (last == null || to.get().isAfter(last))) {
          last = to.get();
        }
        previousEnd = to.orElse(null);
        list.add(
            new TaskDuration(
                i + 1, task.getType(), status, submittedAt, completedAt, duration, observed));
      }
      Long total =
          first != null && last != null && !outcome.equals("Active")
              ? Duration.between(first, last).toMillis()
              : null;
      return new PlanDurations(owner, id, outcome, total, list);
    }
  }

  private final class NodeTrack {
    final String name;
    final OwnerTrack owner;
    final long createdAt;
    String image;
    Long deletingAt;
    Long goneAt;
    Long firstReadyAt;
    Boolean ready;
    Long readySince;
    Long lastHeight;
    boolean sampledHeight;
    int crashes;
    final List<Point> heights = new ArrayList<>();
    final List<Interval> readyIntervals = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final Set<String> productionPods = new HashSet<>();

    NodeTrack(String name, long createdAt) {
      this.name = name;
      this.createdAt = createdAt;
      this.owner = new OwnerTrack("node " + name);
    }

    void event(long t, String kind, String detail) {
      events.add(new Event(t, kind, detail));
    }

    /** The SeiNode was deleted at {@code t} (the first time a watch or a sample saw it). */
    void deleting(long t) {
      if (deletingAt == null) {
        deletingAt = t;
        event(t, "deleting", "SeiNode deleted (teardown)");
        progress.line("node " + name + ": deleted");
      }
    }

    String heightText() {
      return lastHeight == null ? "-" : Long.toString(lastHeight);
    }

    void height(long t, Long height) {
      if (!sampledHeight || !Objects.equals(height, lastHeight)) {
        heights.add(new Point(t, height));
        lastHeight = height;
        sampledHeight = true;
      }
    }

    void setReady(long t, boolean now, long atChainHeight) {
      if (ready != null && ready == now) {
        return;
      }
      if (now) {
        readySince = t;
        if (firstReadyAt == null) {
          firstReadyAt = t;
        }
        event(t, "ready", "production pod Ready");
        progress.line("node " + name + ": ready (height " + heightText() + ")");
      } else if (ready != null) {
        readyIntervals.add(new Interval(readySince, t, null));
        readySince = null;
        event(t, "not-ready", "no Ready production pod");
        if (goneAt == null && deletingAt == null) {
          progress.line(
              "node "
                  + name
                  + ": not ready (height "
                  + heightText()
                  + ", chain "
                  + atChainHeight
                  + ")");
        }
      }
      ready = now;
    }

    NodeTimeline timeline(long end) {
      List<Interval> intervals = new ArrayList<>(readyIntervals);
      if (readySince != null) {
        intervals.add(new Interval(readySince, null, null));
      }
      List<Point> points = new ArrayList<>(heights);
      if (goneAt == null && lastHeight != null) {
        points.add(new Point(end, lastHeight));
      }
      long downtime = 0;
      if (firstReadyAt != null) {
        long windowEnd =
            Math.min(
                end,
                Math.min(
                    deletingAt == null ? Long.MAX_VALUE : deletingAt,
                    goneAt == null ? Long.MAX_VALUE : goneAt));
        long up = 0;
        for (Interval i : intervals) {
          long from = Math.max(i.from(), firstReadyAt);
          long to = Math.min(i.to() == null ? end : i.to(), windowEnd);
          up += Math.max(0, to - from);
        }
        downtime = Math.max(0, windowEnd - firstReadyAt - up);
      }
      return new NodeTimeline(
          name,
          null,
          image,
          createdAt,
          firstReadyAt,
          deletingAt,
          goneAt,
          points,
          intervals,
          List.copyOf(events),
          Math.max(0, productionPods.size() - 1),
          crashes,
          downtime);
    }
  }

  private static final class PodTrack {
    final String name;
    final String node;
    final String role;
    final long createdAt;
    String image;
    String phase;
    Long goneAt;
    final Map<String, String> lastCrash = new HashMap<>();

    PodTrack(String name, String node, String role, long createdAt) {
      this.name = name;
      this.node = node;
      this.role = role;
      this.createdAt = createdAt;
    }
  }

  private final class ServiceTrack {
    final String name;
    Map<String, String> selector;
    final List<Event> selectorChanges = new ArrayList<>();
    Long lastSelectorChangeAt;
    Long firstServedAt;
    Long outageFrom;
    Long goneAt;
    final List<Interval> outages = new ArrayList<>();

    ServiceTrack(String name) {
      this.name = name;
    }

    /** The selector seen at {@code t} (by the watch or a sample, whichever comes first). */
    void selector(long t, Map<String, String> now) {
      if (now.equals(selector)) {
        return;
      }
      if (selector != null) {
        lastSelectorChangeAt = t;
        String detail = describe(now);
        selectorChanges.add(new Event(t, "selector", detail));
        progress.line("service " + name + ": selector -> " + detail);
      }
      selector = Map.copyOf(now);
    }

    /** The Service was deleted (with its node): its downtime ends there. */
    void gone(long t) {
      goneAt = t;
      if (outageFrom != null) {
        outages.add(new Interval(outageFrom, t, "until the Service was deleted"));
        outageFrom = null;
      }
    }

    void observe(long t, long endpoints) {
      if (endpoints > 0) {
        if (firstServedAt == null) {
          firstServedAt = t;
          progress.line("service " + name + ": " + endpoints + " ready endpoint(s)");
        } else if (outageFrom != null) {
          outages.add(new Interval(outageFrom, t, null));
          progress.line(
              "service "
                  + name
                  + ": "
                  + endpoints
                  + " ready endpoint(s) again after "
                  + Progress.seconds(t - outageFrom)
                  + " without");
          outageFrom = null;
        }
      } else if (firstServedAt != null && outageFrom == null) {
        outageFrom = t;
        progress.line("service " + name + ": no ready endpoint (chain " + chainHeight + ")");
      }
    }

    ServiceDowntime downtime(long end) {
      List<Interval> all = new ArrayList<>(outages);
      if (outageFrom != null) {
        all.add(new Interval(outageFrom, null, null));
      }
      long total = all.stream().mapToLong(i -> i.length(end)).sum();
      return new ServiceDowntime(name, firstServedAt, total, all, List.copyOf(selectorChanges));
    }
  }

  private static final class SignerTrack {
    final String node;
    final String address;
    Long firstSigned;
    long count;
    long lastHeight;

    SignerTrack(String node, String address) {
      this.node = node;
      this.address = address;
    }

    Signing signing(long chainHeight) {
      long missed = 0;
      if (firstSigned != null) {
        // the block at the tip may still be in flight to the validator
        long windowEnd = Math.max(lastHeight, chainHeight - 1);
        missed = Math.max(0, windowEnd - firstSigned + 1 - count);
      }
      return new Signing(
          node, address, count, firstSigned, count == 0 ? null : lastHeight, chainHeight, missed);
    }
  }
}
