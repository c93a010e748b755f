package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.sei.operator.api.SeiNode;
import io.sei.operator.config.PlatformConfig;
import java.util.Map;
import java.util.Optional;

/**
 * The node's data PVC {@code <node>-data}, mounted at /sei by every pod of the node; owned by the
 * node unless the node retains its data ({@link Ownership#dataMetadata}).
 */
public final class DataPvc {
  private DataPvc() {}

  /**
   * The PVC to apply, or empty when {@code spec.dataVolume.import} names an existing PVC (used as
   * is, never owned).
   */
  public static Optional<PersistentVolumeClaim> render(SeiNode node, PlatformConfig config) {
    if (Names.importedPvc(node).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new PersistentVolumeClaimBuilder()
            .withMetadata(Ownership.dataMetadata(node, Names.dataPvc(node)))
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withStorageClassName(config.storageClass().orElse(null))
            .withNewResources()
            .withRequests(Map.of("storage", config.dataVolumeSize()))
            .endResources()
            .endSpec()
            .build());
  }
}
