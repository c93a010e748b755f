package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Registers the simulated node as Ready and keeps its heartbeat (status and Lease) fresh. */
final class NodeAgent {
  private final KubernetesClient client;
  private final KubeletSettings settings;
  private final String version;

  NodeAgent(KubernetesClient client, KubeletSettings settings, String version) {
    this.client = client;
    this.settings = settings;
    this.version = version;
  }

  void register() {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(settings.nodeName())
            .withLabels(
                Map.of(
                    "kubernetes.io/hostname", settings.nodeName(),
                    "kubernetes.io/os", "linux",
                    "kubernetes.io/arch", "amd64",
                    "sei.io/simulated", "true"))
            .endMetadata()
            .build();
    client.nodes().resource(node).createOr(existing -> existing.update());
    heartbeat();
  }

  /** Renews the Lease and the Ready condition. */
  void heartbeat() {
    // ISO_INSTANT always has the seconds; ZonedDateTime.toString drops ":00", which the API
    // server refuses (422) — one failed heartbeat a minute.
    String now =
        DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity("64"),
            "memory", new Quantity("256Gi"),
            "ephemeral-storage", new Quantity("1Ti"),
            "pods", new Quantity(String.valueOf(settings.podsCapacity())));
    Node status =
        new NodeBuilder()
            .withNewMetadata()
            .withName(settings.nodeName())
            .endMetadata()
            .withNewStatus()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .addNewAddress("127.0.0.1", "InternalIP")
            .addNewAddress(settings.nodeName(), "Hostname")
            .withConditions(
                new NodeConditionBuilder()
                    .withType("Ready")
                    .withStatus("True")
                    .withReason("KubeletReady")
                    .withMessage("simulated kubelet is posting ready status")
                    .withLastHeartbeatTime(now)
                    .withLastTransitionTime(now)
                    .build())
            .withNewNodeInfo()
            .withKubeletVersion("v" + version + "-sim")
            .withKubeProxyVersion("")
            .withOperatingSystem("linux")
            .withArchitecture("amd64")
            .withContainerRuntimeVersion("sim://sei-sim")
            .withOsImage("simulated")
            .withKernelVersion("simulated")
            .withMachineID(settings.nodeName())
            .withSystemUUID(settings.nodeName())
            .withBootID(settings.nodeName())
            .endNodeInfo()
            .endStatus()
            .build();
    client.nodes().resource(status).patchStatus();
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(settings.nodeName())
            .withNamespace("kube-node-lease")
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(settings.nodeName())
            .withLeaseDurationSeconds(40)
            .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC))
            .endSpec()
            .build();
    client
        .leases()
        .inNamespace("kube-node-lease")
        .resource(lease)
        .createOr(existing -> existing.update());
  }

  /**
   * An RFC 3339 time in whole seconds. ISO_INSTANT always writes the seconds; {@code
   * ZonedDateTime.toString} drops {@code :00}, which the API server refuses (422) — one failed
   * heartbeat a minute.
   */
  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
