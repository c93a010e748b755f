package io.sei.operator.e2e.steps;

import io.cucumber.java.Scenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.e2e.Waits;
import io.sei.operator.e2e.backend.Backends;
import io.sei.operator.e2e.backend.ClusterBackend;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One scenario's world (one instance per scenario, injected into every glue class): the backend, a
 * namespace of its own with a random suffix, and what the scenario created, for a cleanup in
 * reverse order.
 */
public final class ScenarioSpace {
  static final Duration DELETION_TIMEOUT = Duration.ofMinutes(2);

  private final Deque<HasMetadata> created = new ArrayDeque<>();
  private ClusterBackend backend;
  private String namespace;
  private Scenario scenario;

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
