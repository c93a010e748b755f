package io.sei.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.sei.operator.testing.Fixtures;
import org.junit.jupiter.api.Test;

class DataPvcTest {

  @Test
  void takesStorageClassAndSizeFromThePlatform() {
    PersistentVolumeClaim pvc =
        DataPvc.render(Fixtures.fullNode(), Fixtures.config()).orElseThrow();
    assertThat(pvc.getMetadata().getName()).isEqualTo("rpc-0-data");
    assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("gp3");
    assertThat(pvc.getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("100Gi"));
  }

  @Test
  void leavesTheStorageClassToTheClusterDefaultWhenUnset() {
    PersistentVolumeClaim pvc =
        DataPvc.render(Fixtures.fullNode(), Fixtures.defaultConfig()).orElseThrow();
    assertThat(pvc.getSpec().getStorageClassName()).isNull();
  }

  @Test
  void noPvcIsRenderedForAnImportedVolume() {
    assertThat(DataPvc.render(Fixtures.importedVolume(), Fixtures.config())).isEmpty();
  }
}
