package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What every pod sandbox shares. */
record KubeletContext(
    KubernetesClient client,
    KubeletSettings settings,
    Path stateDir,
    List<ContainerRuntime> runtimes,
    Probes probes,
    PodAddresses addresses,
    ClusterDns dns,
    PodVolumes volumes,
    ScheduledExecutorService scheduler,
    ExecutorService workers,
    Consumer<String> forgetPod) {

  /** Runs blocking work (probes, stops, API calls) off the timer threads, after {@code delayMs}. */
  void later(long delayMs, Runnable work) {
    scheduler.schedule(() -> workers.execute(work), delayMs, TimeUnit.MILLISECONDS);
  }

  ContainerRuntime runtimeFor(String image) {
    return runtimes.stream().filter(r -> r.runs(image)).findFirst().orElse(null);
  }

  void forget(String uid) {
    forgetPod.accept(uid);
  }

  /** The value of an env var: literal, downward API field, or a key of a Secret/ConfigMap. */
  String envValue(Pod pod, String podIp, EnvVar e) {
    if (e.getValueFrom() == null) {
      return e.getValue() == null ? "" : e.getValue();
    }
    var from = e.getValueFrom();
    String ns = pod.getMetadata().getNamespace();
    if (from.getFieldRef() != null) {
      return switch (from.getFieldRef().getFieldPath()) {
        case "metadata.name" -> pod.getMetadata().getName();
        case "metadata.namespace" -> ns;
        case "metadata.uid" -> pod.getMetadata().getUid();
        case "status.podIP" -> podIp;
        case "status.hostIP" -> "127.0.0.1";
        case "spec.nodeName" -> settings.nodeName();
        case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
        default -> "";
      };
    }
    if (from.getSecretKeyRef() != null) {
      Secret s = client.secrets().inNamespace(ns).withName(from.getSecretKeyRef().getName()).get();
      String v =
          s == null || s.getData() == null
              ? null
              : s.getData().get(from.getSecretKeyRef().getKey());
      return v == null ? "" : new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
    }
    if (from.getConfigMapKeyRef() != null) {
      var cm =
          client.configMaps().inNamespace(ns).withName(from.getConfigMapKeyRef().getName()).get();
      String v =
          cm == null || cm.getData() == null
              ? null
              : cm.getData().get(from.getConfigMapKeyRef().getKey());
      return v == null ? "" : v;
    }
    return "";
  }
}
