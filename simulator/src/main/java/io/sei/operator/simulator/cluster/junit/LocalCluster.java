package io.sei.operator.simulator.cluster.junit;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.simulator.cluster.LocalControlPlane;
import io.sei.operator.simulator.cluster.OperatorRbac;
import io.sei.operator.simulator.kubelet.SimulatedKubelet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a test gets from {@link WithLocalControlPlane}: the shared control plane with its simulated
 * kubelet, the admin client and a namespace of its own (deleted after the test).
 */
public record LocalCluster(
    LocalControlPlane controlPlane, SimulatedKubelet kubelet, String namespace) {
  public KubernetesClient client() {
    return controlPlane.client();
  }

  /** Creates a 1 Gi ReadWriteOnce claim of the default (simulated) storage class. */
  public void createClaim(String name) {
    client()
        .persistentVolumeClaims()
        .inNamespace(namespace)
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources()
                .endSpec()
                .build())
        .create();
  }

  /** The host directory behind a bound claim of this namespace; null while it is not bound. */
  public Path claimDirectory(String claim) {
    PersistentVolumeClaim pvc =
        client().persistentVolumeClaims().inNamespace(namespace).withName(claim).get();
    if (pvc == null || pvc.getSpec().getVolumeName() == null) {
      return null;
    }
    PersistentVolume pv =
        client().persistentVolumes().withName(pvc.getSpec().getVolumeName()).get();
    return pv == null || pv.getSpec().getHostPath() == null
        ? null
        : Path.of(pv.getSpec().getHostPath().getPath());
  }

  /** A token (valid one hour) of a ServiceAccount of this namespace, created if missing. */
  public String serviceAccountToken(String serviceAccount) {
    client()
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    return controlPlane.mintToken(namespace, serviceAccount, Duration.ofHours(1));
  }

  /**
   * Gives a ServiceAccount of this namespace (created if missing) what a node pod's kube-rbac-proxy
   * needs, the chart's ClusterRole {@value OperatorRbac#NODE_PROXY}, through a ClusterRoleBinding
   * of its own.
   */
  public void grantProxyReviews(String serviceAccount) {
    serviceAccountToken(serviceAccount);
    OperatorRbac.installNodeProxy(client());
    client()
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(OperatorRbac.NODE_PROXY + "-" + namespace + "-" + serviceAccount)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", OperatorRbac.NODE_PROXY)
                .withSubjects(OperatorRbac.serviceAccount(namespace, serviceAccount))
                .build())
        .createOr(existing -> existing.update());
  }

  /**
   * Lets a ServiceAccount of this namespace call sidecars through kube-rbac-proxy: {@code create}
   * and {@code get} on {@code seinodetasks.sei.io} (the proxy derives the verb from the HTTP
   * method).
   */
  public void grantSidecarTasks(String serviceAccount) {
    client()
        .rbac()
        .roles()
        .inNamespace(namespace)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("sidecar-tasks")
                .endMetadata()
                .addNewRule()
                .withApiGroups("sei.io")
                .withResources("seinodetasks")
                .withVerbs("create", "get")
                .endRule()
                .build())
        .createOr(existing -> existing.update());
    client()
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(serviceAccount + "-sidecar-tasks")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "sidecar-tasks")
                .withSubjects(OperatorRbac.serviceAccount(namespace, serviceAccount))
                .build())
        .createOr(existing -> existing.update());
  }
}
