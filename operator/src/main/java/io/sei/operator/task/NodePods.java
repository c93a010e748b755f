package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.render.Names;
import io.sei.operator.render.NodePod;
import io.sei.operator.render.PodSpecHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finding a node's pods and telling whether the production pod runs the applied template. */
public final class NodePods {
  private NodePods() {}

  /** The pod label the StatefulSet controller stamps with the revision a pod was created from. */
  private static final String REVISION_LABEL = "controller-revision-hash";

  /**
   * The newest running, not terminating pod in {@code namespace} matching {@code selector}, with
   * its IP (seid answers there).
   */
  public static Optional<Pod> running(
      KubernetesClient client, String namespace, Map<String, String> selector) {
    return newest(client, namespace, selector, NodePods::isRunning);
  }

  /**
   * The newest not terminating pod in {@code namespace} matching {@code selector} whose
   * kube-rbac-proxy runs, with its IP: its sidecar can be called. Such a pod is still Pending until
   * {@code mark-ready}, since seid starts only after the proxy's startup probe passed. Backs {@link
   * io.sei.operator.sidecar.PodIp} for an operator outside the cluster.
   */
  public static Optional<Pod> sidecarReachable(
      KubernetesClient client, String namespace, Map<String, String> selector) {
    return newest(client, namespace, selector, NodePods::isSidecarReachable);
  }

  private static Optional<Pod> newest(
      KubernetesClient client,
      String namespace,
      Map<String, String> selector,
      java.util.function.Predicate<Pod> filter) {
    return client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
        .filter(filter)
        .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
  }

  /**
   * Why no pod in {@code namespace} matching {@code selector} is {@link #isSidecarReachable
   * reachable}: e.g. {@code has no pod whose proxy runs (n-0: phase Pending, IP 127.1.0.4, init
   * kube-rbac-proxy waiting CrashLoopBackOff)}.
   */
  public static String whyNotReachable(
      KubernetesClient client, String namespace, Map<String, String> selector) {
    List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
    if (pods.isEmpty()) {
      return "has no pod yet";
    }
    return "has no pod whose proxy runs ("
        + pods.stream().map(NodePods::describe).collect(Collectors.joining("; "))
        + ")";
  }

  private static String describe(Pod pod) {
    List<String> parts = new ArrayList<>();
    parts.add(pod.getMetadata().getName() + ":");
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      parts.add("deleting,");
    }
    PodStatus status = pod.getStatus();
    parts.add("phase " + (status == null ? "unknown" : status.getPhase()));
    if (status != null) {
      parts.add(", IP " + Optional.ofNullable(status.getPodIP()).orElse("none"));
      Stream.concat(
              Optional.ofNullable(status.getInitContainerStatuses()).orElse(List.of()).stream()
                  .map(c -> Map.entry("init " + c.getName(), c)),
              Optional.ofNullable(status.getContainerStatuses()).orElse(List.of()).stream()
                  .map(c -> Map.entry(c.getName(), c)))
          .filter(
              e -> e.getValue().getState() != null && e.getValue().getState().getWaiting() != null)
          .forEach(
              e ->
                  parts.add(
                      ", "
                          + e.getKey()
                          + " waiting "
                          + e.getValue().getState().getWaiting().getReason()));
    }
    return String.join(" ", parts).replace(" ,", ",");
  }

  /** Waiting reasons of a container that cannot start: its image or its config is wrong. */
  private static final Set<String> CANNOT_START =
      Set.of(
          "ErrImagePull",
          "ImagePullBackOff",
          "InvalidImageName",
          "ErrImageNeverPull",
          "CreateContainerConfigError",
          "CreateContainerError");

  /**
   * Why seid of {@code pod} cannot run, if it cannot: its image cannot be pulled or its container
   * created ({@code seid cannot start: ErrImagePull: …}), or it crash-loops ({@code seid
   * crash-loops (exit 2: panic: …)}). Empty while it runs or starts normally.
   */
  public static Optional<String> seidFailure(Pod pod) {
    return seid(pod)
        .filter(s -> s.getState() != null && s.getState().getWaiting() != null)
        .flatMap(
            s -> {
              String reason = s.getState().getWaiting().getReason();
              if ("CrashLoopBackOff".equals(reason)) {
                return Optional.of(crashLoop(s));
              }
              if (CANNOT_START.contains(reason)) {
                String message = s.getState().getWaiting().getMessage();
                return Optional.of(
                    "seid cannot start: "
                        + reason
                        + (message == null || message.isBlank() ? "" : ": " + message.strip()));
              }
              return Optional.empty();
            });
  }

  /** seid of {@code pod} runs and passes its readiness probe. */
  public static boolean seidReady(Pod pod) {
    return seid(pod)
        .filter(s -> Boolean.TRUE.equals(s.getReady()))
        .filter(s -> s.getState() != null && s.getState().getRunning() != null)
        .isPresent();
  }

  private static Optional<ContainerStatus> seid(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(s -> s.getContainerStatuses())
        .orElse(List.of())
        .stream()
        .filter(s -> NodePod.SEID_CONTAINER.equals(s.getName()))
        .findFirst();
  }

  private static String crashLoop(ContainerStatus seid) {
    var last = seid.getLastState() == null ? null : seid.getLastState().getTerminated();
    return "seid crash-loops"
        + (last == null
            ? ""
            : " (exit "
                + last.getExitCode()
                + (last.getMessage() == null || last.getMessage().isBlank()
                    ? ""
                    : ": " + panicLine(last.getMessage()))
                + ")");
  }

  /**
   * The line of a termination message that says why: the last one naming a panic, else the last one
   * (with FallbackToLogsOnError the message is the log's tail, which starts with start-up lines).
   */
  public static String panicLine(String message) {
    List<String> lines = message.strip().lines().filter(l -> !l.isBlank()).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).toLowerCase(Locale.ROOT).contains("panic")) {
        return lines.get(i).strip();
      }
    }
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }

  /** Phase Running with an IP, and not being deleted. */
  static boolean isRunning(Pod pod) {
    return hasIp(pod) && "Running".equals(pod.getStatus().getPhase());
  }

  /**
   * Not being deleted, an IP, phase Pending or Running, and the kube-rbac-proxy container running.
   */
  static boolean isSidecarReachable(Pod pod) {
    return hasIp(pod)
        && ("Pending".equals(pod.getStatus().getPhase())
            || "Running".equals(pod.getStatus().getPhase()))
        && Optional.ofNullable(pod.getStatus().getInitContainerStatuses())
            .orElse(List.of())
            .stream()
            .anyMatch(
                c ->
                    NodePod.PROXY_CONTAINER.equals(c.getName())
                        && c.getState() != null
                        && c.getState().getRunning() != null);
  }

  private static boolean hasIp(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getPodIP() != null
        && !pod.getStatus().getPodIP().isBlank();
  }

  /** The production StatefulSet as the API server has it. */
  static StatefulSet statefulSet(TaskContext context) {
    StatefulSet sts =
        context
            .services()
            .client()
            .apps()
            .statefulSets()
            .inNamespace(context.namespace())
            .withName(Names.statefulSet(context.node()))
            .get();
    if (sts == null) {
      throw new IllegalStateException(
          "StatefulSet " + Names.statefulSet(context.node()) + " does not exist");
    }
    return sts;
  }

  /** The production pod, absent while the StatefulSet controller (re)creates it. */
  static Optional<Pod> productionPod(TaskContext context) {
    return Optional.ofNullable(
        context
            .services()
            .client()
            .pods()
            .inNamespace(context.namespace())
            .withName(Names.productionPod(context.node()))
            .get());
  }

  /**
   * The production pod once the StatefulSet rollout is complete: the controller observed the latest
   * spec, the pod was created from its update revision and the applied template (same {@link
   * PodSpecHash}), and it runs.
   */
  static Optional<Pod> rolledOut(TaskContext context) {
    StatefulSet sts = statefulSet(context);
    if (sts.getStatus() == null
        || sts.getStatus().getObservedGeneration() == null
        || sts.getStatus().getObservedGeneration() < sts.getMetadata().getGeneration()) {
      return Optional.empty();
    }
    return productionPod(context)
        .filter(NodePods::isRunning)
        .filter(pod -> !PodSpecHash.isStale(pod, sts))
        .filter(
            pod ->
                Objects.equals(
                    pod.getMetadata().getLabels().get(REVISION_LABEL),
                    sts.getStatus().getUpdateRevision()));
  }
}
