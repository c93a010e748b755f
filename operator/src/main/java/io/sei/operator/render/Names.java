package io.sei.operator.render;

import io.sei.operator.api.DataVolumeSpec;
import io.sei.operator.api.ImportSpec;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SidecarSpec;
import java.util.Optional;

/** Names of a node's children, in one place. */
public final class Names {
  private Names() {}

  /** The data PVC the operator creates: {@code <node>-data}. */
  public static String dataPvc(SeiNode node) {
    return dataPvc(name(node));
  }

  /** The data PVC the operator creates for the SeiNode named {@code node}. */
  public static String dataPvc(String node) {
    return node + "-data";
  }

  /** The imported PVC of {@code spec.dataVolume.import}, if any: used, never owned. */
  public static Optional<String> importedPvc(SeiNode node) {
    return Optional.ofNullable(node.getSpec().getDataVolume())
        .map(DataVolumeSpec::getDataImport)
        .map(ImportSpec::getPvcName);
  }

  /** The PVC the node's pods mount: the imported one, else {@link #dataPvc}. */
  public static String dataClaim(SeiNode node) {
    return importedPvc(node).orElseGet(() -> dataPvc(node));
  }

  public static String rbacProxyConfig(SeiNode node) {
    return name(node) + "-rbac-proxy-config";
  }

  /** The NetworkPolicy of the node's pods (production and bootstrap). */
  public static String networkPolicy(SeiNode node) {
    return name(node) + "-ingress";
  }

  public static String statefulSet(SeiNode node) {
    return name(node);
  }

  /** The StatefulSet's only pod. */
  public static String productionPod(SeiNode node) {
    return statefulSet(node) + "-0";
  }

  public static String bootstrapJob(SeiNode node) {
    return name(node) + "-bootstrap";
  }

  /** The headless Service in front of the pod of {@code role}. */
  public static String service(SeiNode node, PodRole role) {
    return role == PodRole.BOOTSTRAP ? name(node) + "-bootstrap" : name(node);
  }

  /** The cluster DNS name of the node's Service of {@code role}: {@code <service>.<ns>.svc}. */
  public static String serviceHost(SeiNode node, PodRole role) {
    return service(node, role) + "." + node.getMetadata().getNamespace() + ".svc";
  }

  /** The sidecar's loopback port ({@code spec.sidecar.port}). */
  public static int sidecarPort(SeiNode node) {
    return Optional.ofNullable(node.getSpec().getSidecar())
        .map(SidecarSpec::getPort)
        .orElse(Ports.SIDECAR_DEFAULT);
  }

  private static String name(SeiNode node) {
    return node.getMetadata().getName();
  }
}
