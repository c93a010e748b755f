package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sei.operator.simulator.cluster.LocalControlPlane;
import io.sei.operator.simulator.net.SimHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kubelet for the local control plane: registers one Ready node, acts as the scheduler for it
 * (binds pending pods), provisions PVCs to host directories, and runs each pod's containers —
 * {@code sei-sim} images in-process, {@code kube-rbac-proxy} images as the real binary — with
 * probes, restarts and a status the real controllers act on.
 */
public final class SimulatedKubelet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedKubelet.class);
  private static final String DEFAULT_SCHEDULER = "default-scheduler";

  private final KubernetesClient client;
  private final KubeletSettings settings;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final Map<String, PodSandbox> sandboxes = new ConcurrentHashMap<>();
  private final KubeletContext context;
  private final VolumeProvisioner provisioner;
  private SharedIndexInformer<Pod> pods;
  private SharedIndexInformer<PersistentVolumeClaim> claims;

  private SimulatedKubelet(LocalControlPlane cp, KubeletSettings settings, Path stateDir) {
    this.client = cp.client();
    this.settings = settings;
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory daemons =
        r -> {
          Thread t = new Thread(r, "kubelet-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    // Timers only dispatch; everything that blocks runs on the workers.
    this.scheduler = Executors.newScheduledThreadPool(2, daemons);
    this.workers = Executors.newCachedThreadPool(daemons);
    var http = SimHttp.newClient();
    this.context =
        new KubeletContext(
            client,
            settings,
            stateDir,
            List.of(
                new SimRuntime(http),
                new ProxyRuntime(
                    cp.binaries().kubeRbacProxy(),
                    tokenFile ->
                        cp.kubeconfigFor(
                            new AuthInfoBuilder().withTokenFile(tokenFile.toString()).build(),
                            "default"))),
            new Probes(http),
            PodAddresses.claim(),
            new ClusterDns(client),
            new PodVolumes(client),
            scheduler,
            workers,
            sandboxes::remove);
    this.provisioner = new VolumeProvisioner(client, stateDir.resolve("volumes"));
  }

  /** Starts a kubelet on {@code cp}; its pods' files live under {@code stateDir}. */
  public static SimulatedKubelet start(
      LocalControlPlane cp, KubeletSettings settings, Path stateDir) {
    SimulatedKubelet kubelet = new SimulatedKubelet(cp, settings, stateDir);
    kubelet.begin(cp.binaries().version());
    return kubelet;
  }

  private void begin(String version) {
    NodeAgent node = new NodeAgent(client, settings, version);
    node.register();
    scheduler.scheduleWithFixedDelay(
        () -> guard("heartbeat", node::heartbeat), 10, 10, TimeUnit.SECONDS);
    provisioner.installStorageClass();
    claims =
        client
            .persistentVolumeClaims()
            .inAnyNamespace()
            .inform(
                handler(
                    pvc ->
                        workers.execute(() -> guard("provision", () -> provisioner.onClaim(pvc))),
                    null),
                0);
    pods = client.pods().inAnyNamespace().inform(handler(this::onPod, this::onPodDeleted), 0);
  }

  private static <T> ResourceEventHandler<T> handler(
      java.util.function.Consumer<T> upsert, java.util.function.Consumer<T> deleted) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        upsert.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        upsert.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        if (deleted != null) {
          deleted.accept(obj);
        }
      }
    };
  }

  private void onPod(Pod pod) {
    String nodeName = pod.getSpec().getNodeName();
    String uid = pod.getMetadata().getUid();
    if (nodeName == null || nodeName.isEmpty()) {
      String schedulerName = pod.getSpec().getSchedulerName();
      if (pod.getMetadata().getDeletionTimestamp() == null
          && (schedulerName == null || schedulerName.equals(DEFAULT_SCHEDULER))) {
        workers.execute(() -> guard("bind", () -> bind(pod)));
      }
      return;
    }
    if (!nodeName.equals(settings.nodeName())) {
      return;
    }
    PodSandbox sandbox = sandboxes.get(uid);
    if (sandbox == null) {
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if ("Succeeded".equals(phase)
          || "Failed".equals(phase)
          || pod.getMetadata().getDeletionTimestamp() != null) {
        // Not ours to run (left from an earlier kubelet): let a deletion finish.
        if (pod.getMetadata().getDeletionTimestamp() != null) {
          workers.execute(
              () -> guard("delete", () -> client.pods().resource(pod).withGracePeriod(0).delete()));
        }
        return;
      }
      sandbox = new PodSandbox(context, pod);
      sandboxes.put(uid, sandbox);
      sandbox.start();
    }
    sandbox.update(pod);
  }

  private void onPodDeleted(Pod pod) {
    PodSandbox sandbox = sandboxes.remove(pod.getMetadata().getUid());
    if (sandbox != null) {
      workers.execute(sandbox::kill);
    }
  }

  private void bind(Pod pod) {
    try {
      client
          .bindings()
          .inNamespace(pod.getMetadata().getNamespace())
          .resource(
              new BindingBuilder()
                  .withNewMetadata()
                  .withName(pod.getMetadata().getName())
                  .withNamespace(pod.getMetadata().getNamespace())
                  .endMetadata()
                  .withNewTarget()
                  .withApiVersion("v1")
                  .withKind("Node")
                  .withName(settings.nodeName())
                  .endTarget()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409 && e.getCode() != 404) {
        throw e;
      }
    }
  }

  private static void guard(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("kubelet {} failed: {}", what, e.getMessage());
    }
  }

  /** The log file of a container of a pod on this node (for diagnostics, like kubectl logs). */
  public Optional<Path> logFile(String namespace, String pod, String container) {
    return sandboxes.values().stream()
        .filter(s -> s.is(namespace, pod))
        .findFirst()
        .map(s -> s.logFile(container));
  }

  /** Pods this kubelet is running now. */
  public int runningPods() {
    return sandboxes.size();
  }

  @Override
  public void close() {
    if (pods != null) {
      pods.close();
    }
    if (claims != null) {
      claims.close();
    }
    sandboxes.values().forEach(PodSandbox::kill);
    sandboxes.clear();
    scheduler.shutdownNow();
    workers.shutdownNow();
    context.addresses().close();
  }
}
