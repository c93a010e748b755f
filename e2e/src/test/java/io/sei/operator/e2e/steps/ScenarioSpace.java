package io.sei.operator.e2e.steps;

import io.cucumber.java.Scenario;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.StaticPeers;
import io.sei.operator.e2e.Waits;
import io.sei.operator.e2e.backend.Backends;
import io.sei.operator.e2e.backend.ClusterBackend;
import io.sei.operator.e2e.backend.SimulatedChain;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One scenario's world (one instance per scenario, injected into every glue class): the backend, a
 * namespace of its own with a random suffix, and what the scenario created, for a cleanup in
 * reverse order.
 */
public final class ScenarioSpace {
  static final Duration DELETION_TIMEOUT = Duration.ofMinutes(2);

  /** The chain id every node of the features uses. */
  static final String CHAIN_ID = "sim-1";

  private final Deque<HasMetadata> created = new ArrayDeque<>();
  private ClusterBackend backend;
  private String namespace;
  private Scenario scenario;
  private SimulatedChain.Own ownChain;

  /**
   * Takes the suite's backend (aborting the scenario when there is none) and makes the namespace.
   */
  void begin(Scenario scenario) {
    this.scenario = scenario;
    this.backend = Backends.require();
    this.namespace = namespaceFor(scenario.getName());
    client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
  }

  static String namespaceFor(String scenarioName) {
    String slug = scenarioName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    return "e2e-"
        + slug
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
  }

  public ClusterBackend backend() {
    return backend;
  }

  public KubernetesClient client() {
    return backend.client();
  }

  public String namespace() {
    return namespace;
  }

  /** The chain this scenario's nodes follow: its own once it started one, else the suite's. */
  public SimulatedChain chain() {
    return ownChain != null ? ownChain : backend.chain();
  }

  /**
   * Starts a chain of the scenario's own, which is also the operator's snapshot bucket until the
   * scenario ends (the scenario must hold the {@code snapshot-bucket} resource read-write: tag it
   * {@code @own-chain}).
   */
  public SimulatedChain startOwnChain(SimulatedChain.Plan plan) {
    if (ownChain != null) {
      throw new IllegalStateException("the scenario already runs a chain of its own");
    }
    ownChain =
        backend.startOwnChain("chain-" + namespace.substring(namespace.lastIndexOf('-') + 1), plan);
    return ownChain;
  }

  /** Stops the scenario's own chain, if it started one: the shared chain is the bucket again. */
  void closeOwnChain() {
    if (ownChain != null) {
      ownChain.close();
      ownChain = null;
    }
  }

  /** A node spec on {@code image} that follows this scenario's chain as its static peer. */
  public SeiNodeSpec following(String image) {
    return new SeiNodeSpec()
        .withChainId(CHAIN_ID)
        .withImage(image)
        .withPeers(
            List.of(
                new PeerSource()
                    .withStaticPeers(new StaticPeers().withAddresses(List.of(chain().peer())))));
  }

  /**
   * A full node spec on {@code image} following this scenario's chain, restoring {@code snapshot}.
   */
  public SeiNodeSpec restoring(String image, SnapshotSource snapshot) {
    return following(image).withFullNode(new FullNodeSpec().withSnapshot(snapshot));
  }

  /** The latest snapshot in the bucket (S3 target height 0). */
  public static SnapshotSource latestSnapshot() {
    return new SnapshotSource().withS3(new S3Snapshot().withTargetHeight(0L));
  }

  /** SeiNode {@code name} of the scenario's namespace, or null when there is none. */
  public SeiNode node(String name) {
    return client().resources(SeiNode.class).inNamespace(namespace).withName(name).get();
  }

  /** Condition {@code type} among {@code conditions} (which may be null). */
  public static Optional<Condition> condition(List<Condition> conditions, String type) {
    return Optional.ofNullable(conditions).orElse(List.of()).stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  /** Creates SeiNode {@code name} in the scenario's namespace; cleanup deletes it. */
  /** Creates Secret {@code name} holding {@code content} as {@code file}, deleted after. */
  public void createSecret(String name, String file, String content) {
    track(
        client()
            .secrets()
            .inNamespace(namespace())
            .resource(
                new io.fabric8.kubernetes.api.model.SecretBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withStringData(java.util.Map.of(file, content))
                    .build())
            .create());
  }

  public SeiNode createNode(String name, SeiNodeSpec spec) {
    SeiNode node = new SeiNode();
    node.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    node.setSpec(spec);
    return track(client().resource(node).create());
  }

  public Scenario scenario() {
    return scenario;
  }

  /** Records an object the scenario created; cleanup deletes it before what was created earlier. */
  public <T extends HasMetadata> T track(T object) {
    created.push(object);
    return object;
  }

  boolean started() {
    return namespace != null;
  }

  /** Deletes what the scenario created, newest first, then its namespace, each awaited. */
  void cleanUp() {
    while (!created.isEmpty()) {
      HasMetadata object = created.pop();
      client().resource(object).delete();
      Waits.eventually(
          object.getKind() + " " + object.getMetadata().getName() + " to be deleted",
          DELETION_TIMEOUT,
          () -> client().resource(object).get() == null);
    }
    client().namespaces().withName(namespace).delete();
    Waits.eventually(
        "namespace " + namespace + " to be deleted",
        DELETION_TIMEOUT,
        () -> client().namespaces().withName(namespace).get() == null);
  }
}
