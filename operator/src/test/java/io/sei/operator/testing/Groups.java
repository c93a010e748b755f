package io.sei.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sei.operator.api.DeletionPolicy;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentSpec;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeTemplate;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import java.time.Duration;
import java.util.function.Consumer;

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

  /** Edits the template spec of SeiNodeDeployment {@code name} as a user would. */
  public static void editTemplate(LocalCluster cluster, String name, Consumer<SeiNodeSpec> edit) {
    cluster
        .client()
        .resources(SeiNodeDeployment.class)
        .inNamespace(cluster.namespace())
        .withName(name)
        .edit(
            snd -> {
              edit.accept(snd.getSpec().getTemplate().getSpec());
              return snd;
            });
  }

  /**
   * Waits for {@code phase} without a plan and with a template hash other than {@code notHash}
   * (null: any); fails fast once the group is Degraded.
   */
  public static SeiNodeDeployment awaitPhase(
      LocalCluster cluster, String name, DeploymentPhase phase, String notHash, Duration timeout) {
    return await("SeiNodeDeployment " + name + " " + phase)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .failFast(
            "SeiNodeDeployment " + name + " Degraded",
            () -> {
              SeiNodeDeployment snd = get(cluster, name);
              return snd.getStatus() != null
                  && snd.getStatus().getPhase() == DeploymentPhase.Degraded;
            })
        .until(
            () -> get(cluster, name),
            snd ->
                snd.getStatus() != null
                    && snd.getStatus().getPhase() == phase
                    && snd.getStatus().getPlan() == null
                    && !snd.getStatus().getTemplateHash().equals(notHash));
  }
}
