package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.DataVolumeSpec;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.ImportSpec;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.ChainAndOperator;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.SimChain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An imported data volume has one seid: a SeiNode importing a PVC that another SeiNode imports or
 * another pod mounts waits with {@code ImportPVCReady=False/PVCInUse} naming the holder, and gets
 * no pod.
 */
@WithLocalControlPlane
class ImportedVolumeIT {
  private static final String IMAGE = "sei-sim:v1.0.0";

  @Test
  void aPvcImportedByAnotherSeiNodeOrMountedByAnotherPodIsRefusedNamingTheHolder(
      LocalCluster cluster) throws Exception {
    cluster.createClaim("shared");
    cluster.createClaim("mounted");
    try (ChainAndOperator env = ChainAndOperator.start(cluster, Map.of())) {
      SimChain chain = env.chain();
      Nodes.create(cluster, "first", importing(chain, "shared"));
      awaitImport(cluster, "first", Conditions.REASON_IMPORT_PVC_BOUND);

      Nodes.create(cluster, "second", importing(chain, "shared"));
      assertThat(awaitImport(cluster, "second", Conditions.REASON_IMPORT_PVC_IN_USE).getMessage())
          .isEqualTo(
              "imported PVC shared is in use by SeiNode first: a data directory has one seid;"
                  + " import another PVC or free this one");

      cluster
          .client()
          .pods()
          .inNamespace(cluster.namespace())
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName("intruder")
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("seid")
                  .withImage(IMAGE)
                  .withCommand("seid")
                  .withArgs("start", "--home", "/sei")
                  .addNewVolumeMount()
                  .withName("data")
                  .withMountPath("/sei")
                  .endVolumeMount()
                  .endContainer()
                  .addNewVolume()
                  .withName("data")
                  .withNewPersistentVolumeClaim()
                  .withClaimName("mounted")
                  .endPersistentVolumeClaim()
                  .endVolume()
                  .endSpec()
                  .build())
          .create();
      Nodes.create(cluster, "third", importing(chain, "mounted"));
      assertThat(awaitImport(cluster, "third", Conditions.REASON_IMPORT_PVC_IN_USE).getMessage())
          .startsWith("imported PVC mounted is in use by pod intruder:");

      for (String refused : List.of("second", "third")) {
        assertThat(cluster.client().apps().statefulSets().inNamespace(cluster.namespace()))
            .satisfies(
                sets ->
                    assertThat(sets.withName(refused).get())
                        .as("StatefulSet of " + refused)
                        .isNull());
      }
    }
  }

  private static SeiNodeSpec importing(SimChain chain, String claim) {
    return Nodes.following(chain, IMAGE)
        .withFullNode(new FullNodeSpec())
        .withDataVolume(new DataVolumeSpec().withDataImport(new ImportSpec().withPvcName(claim)));
  }

  private static Condition awaitImport(LocalCluster cluster, String name, String reason) {
    SeiNode node =
        await("SeiNode " + name + " ImportPVCReady/" + reason)
            .atMost(Nodes.PLAN_TIMEOUT)
            .until(
                () -> Nodes.get(cluster, name),
                n ->
                    n.getStatus() != null
                        && Nodes.condition(n, Conditions.IMPORT_PVC_READY)
                            .filter(c -> reason.equals(c.getReason()))
                            .isPresent());
    return Nodes.condition(node, Conditions.IMPORT_PVC_READY).orElseThrow();
  }
}
