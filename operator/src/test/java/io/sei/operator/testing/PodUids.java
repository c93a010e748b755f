package io.sei.operator.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** Every UID a pod name had while watched: each pod cycle adds one. */
public final class PodUids implements AutoCloseable {
  private final Set<String> uids = new ConcurrentSkipListSet<>();
  private final Watch watch;

  public PodUids(LocalCluster cluster, String pod) {
    var resource = cluster.client().pods().inNamespace(cluster.namespace()).withName(pod);
    Pod current = resource.get();
    if (current != null) {
      uids.add(current.getMetadata().getUid());
    }
    watch =
        resource.watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Pod pod) {
                uids.add(pod.getMetadata().getUid());
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  /** How many distinct pods had the name. */
  public int count() {
    return uids.size();
  }

  @Override
  public void close() {
    watch.close();
  }
}
