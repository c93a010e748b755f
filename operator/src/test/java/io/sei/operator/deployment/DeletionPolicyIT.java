package io.sei.operator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.sei.operator.api.DataVolumeSpec;
import io.sei.operator.api.DeletionPolicy;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.ImportSpec;
import io.sei.operator.api.Labels;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.ChainAndOperator;
import io.sei.operator.testing.Groups;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.SimChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What deleting takes with it, proven with a marker file on each data volume: a Retain group keeps
 * every node's data (even under foreground deletion), a Delete group takes it, a SeiNode of its own
 * takes its data and never an imported PVC.
 */
@WithLocalControlPlane(podSecurity = "restricted")
class DeletionPolicyIT {
  private static final String IMAGE = "sei-sim:v1.0.0";
  private static final Duration GONE = Duration.ofSeconds(60);

  @Test
  void aRetainGroupKeepsEveryNodesDataWhenItIsDeletedEvenInTheForeground(LocalCluster cluster)
      throws Exception {
    try (ChainAndOperator env = ChainAndOperator.start(cluster, Map.of())) {
      SimChain chain = env.chain();
      SeiNodeDeployment ready = readyGroup(cluster, chain, "kept", 2, null);
      List<String> nodes = ready.getStatus().getIncumbentNodes();
      for (String node : nodes) {
        assertThat(pvc(cluster, node).getMetadata().getOwnerReferences())
            .as("owners of %s-data", node)
            .isEmpty();
        assertThat(pvc(cluster, node).getMetadata().getLabels())
            .containsEntry(Labels.RETAIN_DATA, Labels.RETAIN_DATA_VALUE)
            .containsEntry(Labels.DEPLOYMENT, "kept");
        mark(cluster, node);
      }

      deleteGroup(cluster, "kept", DeletionPropagation.FOREGROUND);
      awaitNodesAndPodsGone(cluster, nodes);

      for (String node : nodes) {
        assertThat(pvc(cluster, node)).as("%s-data after the group's deletion", node).isNotNull();
        assertThat(Files.readString(marker(cluster, node))).isEqualTo(node);
      }
    }
  }

  @Test
  void aDeleteGroupTakesItsNodesDataWithIt(LocalCluster cluster) throws Exception {
    try (ChainAndOperator env = ChainAndOperator.start(cluster, Map.of())) {
      SimChain chain = env.chain();
      SeiNodeDeployment ready = readyGroup(cluster, chain, "gone", 1, DeletionPolicy.Delete);
      String node = ready.getStatus().getIncumbentNodes().get(0);
      assertThat(pvc(cluster, node).getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(o -> assertThat(o.getName()).isEqualTo(node));

      deleteGroup(cluster, "gone", DeletionPropagation.BACKGROUND);
      awaitNodesAndPodsGone(cluster, List.of(node));
      await("the data PVC of " + node + " deleted with it")
          .atMost(GONE)
          .until(() -> pvc(cluster, node) == null);
    }
  }

  @Test
  void aSeiNodeOfItsOwnTakesItsDataButNeverAnImportedPvc(LocalCluster cluster) throws Exception {
    cluster.createClaim("imported");
    try (ChainAndOperator env = ChainAndOperator.start(cluster, Map.of())) {
      SimChain chain = env.chain();
      Nodes.create(cluster, "own", Nodes.following(chain, IMAGE).withFullNode(new FullNodeSpec()));
      Nodes.create(
          cluster,
          "importer",
          Nodes.following(chain, IMAGE)
              .withFullNode(new FullNodeSpec())
              .withDataVolume(
                  new DataVolumeSpec().withDataImport(new ImportSpec().withPvcName("imported"))));
      Nodes.awaitPhase(cluster, "own", NodePhase.Running);
      Nodes.awaitPhase(cluster, "importer", NodePhase.Running);
      Path importedMarker = cluster.claimDirectory("imported").resolve("marker");
      Files.writeString(importedMarker, "importer");

      for (String node : List.of("own", "importer")) {
        cluster
            .client()
            .resources(SeiNode.class)
            .inNamespace(cluster.namespace())
            .withName(node)
            .delete();
      }
      awaitNodesAndPodsGone(cluster, List.of("own", "importer"));
      await("the data PVC of own deleted with it")
          .atMost(GONE)
          .until(() -> pvc(cluster, "own") == null);
      assertThat(
              cluster
                  .client()
                  .persistentVolumeClaims()
                  .inNamespace(cluster.namespace())
                  .withName("imported")
                  .get())
          .as("the imported PVC")
          .isNotNull();
      assertThat(Files.readString(importedMarker)).isEqualTo("importer");
    }
  }

  private static SeiNodeDeployment readyGroup(
      LocalCluster cluster, SimChain chain, String name, int replicas, DeletionPolicy policy) {
    Groups.create(
        cluster,
        name,
        replicas,
        null,
        policy,
        Nodes.following(chain, IMAGE).withFullNode(new FullNodeSpec()));
    return await("SeiNodeDeployment " + name + " Ready")
        .atMost(Nodes.PLAN_TIMEOUT)
        .until(
            () -> Groups.get(cluster, name),
            d -> d.getStatus() != null && d.getStatus().getPhase() == DeploymentPhase.Ready);
  }

  private static void deleteGroup(
      LocalCluster cluster, String name, DeletionPropagation propagation) {
    cluster
        .client()
        .resources(SeiNodeDeployment.class)
        .inNamespace(cluster.namespace())
        .withName(name)
        .withPropagationPolicy(propagation)
        .delete();
  }

  private static void awaitNodesAndPodsGone(LocalCluster cluster, List<String> nodes) {
    await("SeiNodes " + nodes + " and their pods gone")
        .atMost(GONE)
        .until(
            () ->
                nodes.stream()
                    .allMatch(
                        n ->
                            Nodes.get(cluster, n) == null
                                && cluster
                                    .client()
                                    .pods()
                                    .inNamespace(cluster.namespace())
                                    .withLabel(Labels.NODE, n)
                                    .list()
                                    .getItems()
                                    .isEmpty()));
  }

  private static PersistentVolumeClaim pvc(LocalCluster cluster, String node) {
    return cluster
        .client()
        .persistentVolumeClaims()
        .inNamespace(cluster.namespace())
        .withName(node + "-data")
        .get();
  }

  private static void mark(LocalCluster cluster, String node) throws Exception {
    Files.writeString(marker(cluster, node), node);
  }

  private static Path marker(LocalCluster cluster, String node) {
    return cluster.claimDirectory(node + "-data").resolve("marker");
  }
}
