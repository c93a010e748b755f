package io.sei.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sei.operator.api.DeletionPolicy;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentSpec;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeTemplate;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.simulator.cluster.junit.LocalCluster;

/** SeiNodeDeployments of the integration tests. */
public final class Groups {
  private Groups() {}

  /**
   * Creates SeiNodeDeployment {@code name} of {@code replicas} nodes from {@code template}.
   *
   * @param strategy null for none (InPlace)
   * @param policy null for the default (Retain)
   */
  public static SeiNodeDeployment create(
      LocalCluster cluster,
      String name,
      int replicas,
      UpdateStrategy strategy,
      DeletionPolicy policy,
      SeiNodeSpec template) {
    SeiNodeDeployment snd = new SeiNodeDeployment();
    snd.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(cluster.namespace()).build());
    snd.setSpec(
        new SeiNodeDeploymentSpec()
            .withReplicas(replicas)
            .withUpdateStrategy(strategy)
            .withDeletionPolicy(policy)
            .withTemplate(new SeiNodeTemplate().withSpec(template)));
    return cluster.client().resource(snd).create();
  }

  /** SeiNodeDeployment {@code name} of the test's namespace, or null. */
  public static SeiNodeDeployment get(LocalCluster cluster, String name) {
    return cluster
        .client()
        .resources(SeiNodeDeployment.class)
        .inNamespace(cluster.namespace())
        .withName(name)
        .get();
  }
}
