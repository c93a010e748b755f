package io.sei.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.KeySource;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SecretKeySource;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.StaticPeers;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** SeiNodes of the integration tests, and reading them back. */
public final class Nodes {
  private Nodes() {}

  public static final String CHAIN_ID = "sim-1";

  /** A node spec following {@code chain} as its static peer. */
  public static SeiNodeSpec following(SimChain chain, String image) {
    return new SeiNodeSpec()
        .withChainId(CHAIN_ID)
        .withImage(image)
        .withPeers(
            List.of(
                new PeerSource()
                    .withStaticPeers(new StaticPeers().withAddresses(List.of(chain.peer())))));
  }

  /** A full node restoring the chain's latest snapshot at or below {@code targetHeight}. */
  public static SeiNodeSpec fullNodeFromSnapshot(
      SimChain chain, String image, long targetHeight, String bootstrapImage) {
    return following(chain, image)
        .withFullNode(
            new FullNodeSpec()
                .withSnapshot(
                    new SnapshotSource()
                        .withS3(new S3Snapshot().withTargetHeight(targetHeight))
                        // The simulated sidecar requires trustPeriod; the planner treats it as
                        // optional.
                        .withTrustPeriod("168h")
                        .withBootstrapImage(bootstrapImage)));
  }

  /** A validator from genesis without keys: a non-signing observer. */
  public static SeiNodeSpec observer(SimChain chain, String image) {
    return following(chain, image).withValidator(new ValidatorSpec());
  }

  /** Gives a validator spec its signing-key and node-key Secrets. */
  public static SeiNodeSpec withKeys(SeiNodeSpec spec, String signingSecret, String nodeSecret) {
    spec.getValidator()
        .withSigningKey(
            new KeySource().withSecret(new SecretKeySource().withSecretName(signingSecret)))
        .withNodeKey(new KeySource().withSecret(new SecretKeySource().withSecretName(nodeSecret)));
    return spec;
  }

  public static SeiNode create(LocalCluster cluster, String name, SeiNodeSpec spec) {
    return create(cluster, name, spec, Map.of());
  }

  /** Creates SeiNode {@code name} labelled {@code labels}. */
  public static SeiNode create(
      LocalCluster cluster, String name, SeiNodeSpec spec, Map<String, String> labels) {
    SeiNode node = new SeiNode();
    node.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(cluster.namespace())
            .withLabels(labels)
            .build());
    node.setSpec(spec);
    return cluster.client().resource(node).create();
  }

  /** Edits {@code name}'s spec as a user would (a patch of the main resource). */
  public static void editSpec(LocalCluster cluster, String name, Consumer<SeiNodeSpec> edit) {
    cluster
        .client()
        .resources(SeiNode.class)
        .inNamespace(cluster.namespace())
        .withName(name)
        .edit(
            n -> {
              edit.accept(n.getSpec());
              return n;
            });
  }

  /** A Secret holding one file. */
  public static void secret(LocalCluster cluster, String name, String file, String content) {
    cluster
        .client()
        .secrets()
        .inNamespace(cluster.namespace())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(Map.of(file, content))
                .build())
        .create();
  }

  /** The condition of {@code type} on {@code node}, if any. */
  public static Optional<Condition> condition(SeiNode node, String type) {
    return StatusConditions.find(node.getStatus().getConditions(), type);
  }

  public static SeiNode get(LocalCluster cluster, String name) {
    return cluster
        .client()
        .resources(SeiNode.class)
        .inNamespace(cluster.namespace())
        .withName(name)
        .get();
  }

  public static Optional<NodePhase> phase(LocalCluster cluster, String name) {
    return Optional.ofNullable(get(cluster, name)).map(SeiNode::getStatus).map(s -> s.getPhase());
  }

  /** Generous bound for a whole plan on the shared 2-core machine. */
  public static final Duration PLAN_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Waits until {@code name} is in {@code phase}; fails at once, with the failed plan's detail, if
   * it turns Failed instead.
   */
  public static SeiNode awaitPhase(LocalCluster cluster, String name, NodePhase phase) {
    await("SeiNode " + name + " " + phase)
        .atMost(PLAN_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .failFast(
            "SeiNode " + name + " Failed",
            () ->
                phase != NodePhase.Failed
                    && phase(cluster, name).equals(Optional.of(NodePhase.Failed)))
        .until(() -> phase(cluster, name), p -> p.equals(Optional.of(phase)));
    return get(cluster, name);
  }

  /** The messages of the namespace's events with reason {@code reason}, in list order. */
  public static List<String> eventMessages(LocalCluster cluster, String reason) {
    return cluster
        .client()
        .v1()
        .events()
        .inNamespace(cluster.namespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> reason.equals(e.getReason()))
        .map(e -> e.getMessage())
        .toList();
  }
}
