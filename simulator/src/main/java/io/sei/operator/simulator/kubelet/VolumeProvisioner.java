package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A StorageClass of its own (also the cluster default) whose claims become host directories: a PV
 * with {@code hostPath} and a {@code claimRef}, which the real persistentvolume-binder binds. PVs
 * are retained: data is never deleted by the simulation, only with the state directory.
 */
final class VolumeProvisioner {
  static final String STORAGE_CLASS = "sei-sim";
  static final String PROVISIONER = "sei.io/sim-hostpath";

  private final KubernetesClient client;
  private final Path volumesDir;

  VolumeProvisioner(KubernetesClient client, Path volumesDir) {
    this.client = client;
    this.volumesDir = volumesDir;
  }

  void installStorageClass() {
    client
        .storage()
        .v1()
        .storageClasses()
        .resource(
            new StorageClassBuilder()
                .withNewMetadata()
                .withName(STORAGE_CLASS)
                .withAnnotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"))
                .endMetadata()
                .withProvisioner(PROVISIONER)
                .withReclaimPolicy("Retain")
                .withVolumeBindingMode("Immediate")
                .build())
        .createOr(existing -> existing.update());
  }

  /** Provisions a PV for a pending claim of our class; does nothing for others. */
  void onClaim(PersistentVolumeClaim pvc) {
    String cls = pvc.getSpec().getStorageClassName();
    boolean ours = STORAGE_CLASS.equals(cls);
    boolean pending = pvc.getStatus() == null || "Pending".equals(pvc.getStatus().getPhase());
    if (!ours
        || !pending
        || pvc.getSpec().getVolumeName() != null
        || pvc.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String pvName = "pvc-" + pvc.getMetadata().getUid();
    Path dir =
        volumesDir
            .resolve(pvc.getMetadata().getNamespace())
            .resolve(pvc.getMetadata().getName() + "-" + pvc.getMetadata().getUid());
    Quantity size =
        pvc.getSpec().getResources() != null && pvc.getSpec().getResources().getRequests() != null
            ? pvc.getSpec()
                .getResources()
                .getRequests()
                .getOrDefault("storage", new Quantity("1Gi"))
            : new Quantity("1Gi");
    PersistentVolume pv =
        new PersistentVolumeBuilder()
            .withNewMetadata()
            .withName(pvName)
            .withAnnotations(Map.of("pv.kubernetes.io/provisioned-by", PROVISIONER))
            .endMetadata()
            .withNewSpec()
            .withCapacity(Map.of("storage", size))
            .withAccessModes(pvc.getSpec().getAccessModes())
            .withStorageClassName(STORAGE_CLASS)
            .withPersistentVolumeReclaimPolicy("Retain")
            .withVolumeMode(pvc.getSpec().getVolumeMode())
            .withNewHostPath()
            .withPath(dir.toString())
            .withType("DirectoryOrCreate")
            .endHostPath()
            .withNewClaimRef()
            .withApiVersion("v1")
            .withKind("PersistentVolumeClaim")
            .withNamespace(pvc.getMetadata().getNamespace())
            .withName(pvc.getMetadata().getName())
            .withUid(pvc.getMetadata().getUid())
            .endClaimRef()
            .endSpec()
            .build();
    try {
      client.persistentVolumes().resource(pv).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }
}
