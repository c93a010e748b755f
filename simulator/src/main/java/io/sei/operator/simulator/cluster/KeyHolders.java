package io.sei.operator.simulator.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches every pod of the namespace that mounts one of the given Secrets (copies of one key), from
 * its creation until the API server has deleted it (until then its containers may run and sign):
 * how many held the key at once, at most, and who held it in turn.
 */
public final class KeyHolders implements AutoCloseable {
  private final Set<String> secrets;
  private final Set<String> holding = new LinkedHashSet<>();
  private final List<String> holders = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final Watch watch;
  private int most;

  /** Starts watching the pods of {@code namespace} that mount any of {@code secrets}. */
  public KeyHolders(KubernetesClient client, String namespace, String... secrets) {
    this.secrets = Set.of(secrets);
    var pods = client.pods().inNamespace(namespace);
    pods.list().getItems().forEach(pod -> seen(Watcher.Action.ADDED, pod));
    watch =
        pods.watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Pod pod) {
                seen(action, pod);
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private synchronized void seen(Watcher.Action action, Pod pod) {
    if (!mounts(pod)) {
      return;
    }
    String id = pod.getMetadata().getName() + "/" + pod.getMetadata().getUid();
    if (action == Watcher.Action.DELETED) {
      if (holding.remove(id)) {
        log.add(Instant.now() + " gone " + id);
      }
      return;
    }
    if (holding.add(id)) {
      holders.add(id);
      log.add(Instant.now() + " holds " + id + " with " + holding);
      most = Math.max(most, holding.size());
    }
  }

  private boolean mounts(Pod pod) {
    return pod.getSpec().getVolumes().stream()
        .anyMatch(v -> v.getSecret() != null && secrets.contains(v.getSecret().getSecretName()));
  }

  /** The most pods that held the key at one time. */
  public synchronized int mostAtOnce() {
    return most;
  }

  /** Every pod ({@code name/uid}) that held the key, in the order they took it. */
  public synchronized List<String> holders() {
    return List.copyOf(holders);
  }

  /** The pods holding the key now. */
  public synchronized Set<String> holding() {
    return Set.copyOf(holding);
  }

  /** What happened, a line an event, for failure messages. */
  public synchronized String history() {
    return String.join("\n", log);
  }

  @Override
  public void close() {
    watch.close();
  }
}
