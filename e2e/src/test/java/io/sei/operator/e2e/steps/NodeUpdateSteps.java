package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.KeySource;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SecretKeySource;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.TaskPlan;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.e2e.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Drift on a Running node — a new image, a signing key patched in, both — and what the chain
 * operator sees of it: one node-update plan, how many times the pod was replaced, the conditions
 * and status the plan leaves, and what the chain records of the validator's signatures.
 */
public final class NodeUpdateSteps {
  /** A generous bound for a whole plan on a shared 2-core machine. */
  static final Duration PLAN_TIMEOUT = Duration.ofMinutes(2);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScenarioSpace space;
  private final String signerAddress = ValidatorKeys.newSignerAddress();
  private final Map<String, Set<String>> podUids = new ConcurrentHashMap<>();
  private final Map<String, List<String>> podHistory = new ConcurrentHashMap<>();
  private final Map<String, List<TaskPlan>> plans = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> updateReasons = new ConcurrentHashMap<>();
  private final List<Watch> watches = new CopyOnWriteArrayList<>();

  public NodeUpdateSteps(ScenarioSpace space) {
    this.space = space;
  }

  @Given("a full node {string} on {string} is Running")
  public void runningFullNode(String name, String image) {
    space.createNode(name, space.following(image).withFullNode(new FullNodeSpec()));
    awaitRunning(name);
  }

  @Given("a validator {string} on {string} is Running as an observer, without keys")
  public void runningObserver(String name, String image) {
    space.createNode(name, space.following(image).withValidator(new ValidatorSpec()));
    awaitRunning(name);
  }

  @Given("the validator's signing key is stored in Secret {string}")
  public void signingKeySecret(String secret) {
    secret(secret, ValidatorKeys.SIGNING_KEY_FILE, ValidatorKeys.signingKey(signerAddress));
  }

  @Given("the validator's node key is stored in Secret {string}")
  public void nodeKeySecret(String secret) {
    secret(secret, ValidatorKeys.NODE_KEY_FILE, ValidatorKeys.NODE_KEY);
  }

  @Given("Secret {string} holds a malformed signing key")
  public void malformedSigningKeySecret(String secret) {
    secret(secret, ValidatorKeys.SIGNING_KEY_FILE, ValidatorKeys.MALFORMED_SIGNING_KEY);
  }

  @When("I change the image of node {string} to {string}")
  public void changeImage(String name, String image) {
    edit(name, spec -> spec.setImage(image));
  }

  @When("I give the validator {string} the signing key {string} and the node key {string}")
  public void giveKeys(String name, String signingKey, String nodeKey) {
    edit(name, spec -> withKeys(spec, signingKey, nodeKey));
  }

  @When(
      "I give the validator {string} the signing key {string} and the node key {string}"
          + " and change its image to {string}, in one edit")
  public void giveKeysAndImage(String name, String signingKey, String nodeKey, String image) {
    edit(
        name,
        spec -> {
          withKeys(spec, signingKey, nodeKey);
          spec.setImage(image);
        });
  }

  @Then("the node {string} completes its update within {duration}")
  public void updateCompletes(String name, Duration timeout) {
    awaitUpdate(name, Conditions.REASON_UPDATE_COMPLETE, timeout);
  }

  @Then("the update of node {string} fails within {duration}")
  public void updateFails(String name, Duration timeout) {
    awaitUpdate(name, Conditions.REASON_UPDATE_FAILED, timeout);
  }

  @Then("the pod of node {string} was replaced exactly once")
  public void replacedOnce(String name) {
    assertThat(uids(name))
        .as(
            "pods named %s-0 since the edit: the old one and exactly one new; pod events:%n  %s",
            name, podHistory(name))
        .hasSize(2);
  }

  @Then("the pod of node {string} is never replaced within {duration}")
  public void neverReplaced(String name, Duration during) {
    Waits.never("the pod of SeiNode " + name + " is replaced", during, () -> uids(name).size() > 1);
    assertThat(uids(name))
        .as("pods named %s-0 since the edit; pod events:%n  %s", name, podHistory(name))
        .hasSize(1);
  }

  @Then("the node {string} reports {word} {word} with reason {word}")
  public void reportsCondition(String name, String type, String status, String reason) {
    assertThat(condition(space.node(name), type))
        .as("condition %s of SeiNode %s", type, name)
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).as("status").isEqualTo(status);
              assertThat(c.getReason()).as("reason").isEqualTo(reason);
            });
  }

  @Then("the {word} condition of node {string} mentions {string} but not {string}")
  public void conditionMessage(String type, String name, String mentions, String hides) {
    assertThat(condition(space.node(name), type))
        .as("condition %s of SeiNode %s", type, name)
        .hasValueSatisfying(
            c -> assertThat(c.getMessage()).contains(mentions).doesNotContain(hides));
  }

  @Then("the node {string} is still {nodePhase}")
  public void stillInPhase(String name, NodePhase phase) {
    assertThat(space.node(name).getStatus().getPhase())
        .as("phase of SeiNode %s", name)
        .isEqualTo(phase);
  }

  @Then("the update plan of node {string} validated the signing key before replacing the pod")
  public void validatedBeforeReplacing(String name) {
    List<TaskPlan> seen = plans(name);
    assertThat(seen).as("plans of SeiNode %s seen since the edit", name).isNotEmpty();
    assertThat(seen.get(0).getTasks())
        .as("the update plan's tasks")
        .extracting(PlannedTask::getType)
        .startsWith("validate-signing-key")
        .contains("replace-pod");
    assertThat(seen)
        .as("every plan snapshot in which replace-pod had started")
        .filteredOn(p -> status(p, "replace-pod").filter(s -> s != TaskStatus.Pending).isPresent())
        .isNotEmpty()
        .allSatisfy(
            p ->
                assertThat(status(p, "validate-signing-key"))
                    .as("validate-signing-key by then")
                    .contains(TaskStatus.Complete));
  }

  @Then("the node {string} has the signing key of Secret {string} mounted")
  public void keyMounted(String name, String secret) {
    SeiNode node = space.node(name);
    assertThat(node.getStatus().getSigningKeyMountedSecret())
        .as("status.signingKeyMountedSecret")
        .isEqualTo(secret);
    Pod pod = pod(name);
    Volume volume =
        pod.getSpec().getVolumes().stream()
            .filter(v -> v.getSecret() != null && secret.equals(v.getSecret().getSecretName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no volume of Secret " + secret));
    assertThat(pod.getSpec().getContainers())
        .filteredOn(c -> c.getName().equals("seid"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.getVolumeMounts())
                    .filteredOn(m -> m.getName().equals(volume.getName()))
                    .singleElement()
                    .satisfies(
                        m ->
                            assertThat(m.getMountPath())
                                .isEqualTo("/sei/config/priv_validator_key.json")));
  }

  @Then("the node {string} has no signing key mounted")
  public void noKeyMounted(String name) {
    assertThat(space.node(name).getStatus().getSigningKeyMountedSecret())
        .as("status.signingKeyMountedSecret")
        .isNull();
  }

  @Then("the chain records blocks signed by the validator's key within {duration}")
  public void chainRecordsSignatures(Duration timeout) {
    Waits.eventually(
        "the chain to record a block signed by " + signerAddress,
        timeout,
        () ->
            JSON.readTree(space.chain().get("/signatures?address=" + signerAddress))
                .path("count")
                .asLong(),
        n -> n > 0);
  }

  @Then("the chain records no double-sign evidence within {duration}")
  public void noEvidence(Duration during) {
    Waits.never("the chain records double-sign evidence", during, () -> evidence() > 0);
  }

  @Then("the next reconciles of node {string} write nothing for {duration}")
  public void writesNothing(String name, Duration during) {
    String version = space.node(name).getMetadata().getResourceVersion();
    Waits.never(
        "the resourceVersion of SeiNode " + name + " changes from " + version,
        during,
        () -> !version.equals(space.node(name).getMetadata().getResourceVersion()));
  }

  @Then("while updating, node {string} reported NodeUpdateInProgress with reason {word}")
  public void reportedWhileUpdating(String name, String reason) {
    assertThat(updateReasons.getOrDefault(name, Set.of()))
        .as("reasons of NodeUpdateInProgress=True on SeiNode %s since the edit", name)
        .containsExactly(reason);
  }

  @Then("node {string} went through exactly one {word} plan")
  public void onePlanOfClass(String name, String planClass) {
    assertThat(
            space.client().v1().events().inNamespace(space.namespace()).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .filter(e -> "PlanStarted".equals(e.getReason()))
                .map(Event::getMessage))
        .as("node-update plans started on SeiNode %s", name)
        .filteredOn(m -> m.startsWith("node-update"))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith(planClass + " plan "));
  }

  @After
  public void stopWatching() {
    watches.forEach(Watch::close);
  }

  private long evidence() {
    try {
      return JSON.readTree(space.chain().get("/evidence")).path("evidence").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitRunning(String name) {
    new NodeSteps(space).becomes(name, NodePhase.Running, PLAN_TIMEOUT);
  }

  private void secret(String name, String file, String content) {
    space.createSecret(name, file, content);
  }

  private static void withKeys(SeiNodeSpec spec, String signingKey, String nodeKey) {
    spec.getValidator()
        .withSigningKey(
            new KeySource().withSecret(new SecretKeySource().withSecretName(signingKey)))
        .withNodeKey(new KeySource().withSecret(new SecretKeySource().withSecretName(nodeKey)));
  }

  /** Starts watching the node's pod and plans, then edits the spec as a user would. */
  private void edit(String name, Consumer<SeiNodeSpec> edit) {
    watchPod(name);
    watchPlans(name);
    space
        .client()
        .resources(SeiNode.class)
        .inNamespace(space.namespace())
        .withName(name)
        .edit(
            n -> {
              edit.accept(n.getSpec());
              return n;
            });
  }

  /**
   * Every UID the node's pod name has from now on (each pod cycle adds one), and a line per pod
   * event, shown when a pod-cycle check fails.
   */
  private void watchPod(String name) {
    Set<String> uids = podUids.computeIfAbsent(name, n -> new ConcurrentSkipListSet<>());
    List<String> history = podHistory.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    var pod = space.client().pods().inNamespace(space.namespace()).withName(name + "-0");
    Pod current = pod.get();
    if (current != null) {
      uids.add(current.getMetadata().getUid());
    }
    watches.add(
        pod.watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Pod p) {
                uids.add(p.getMetadata().getUid());
                history.add(describe(action, p));
              }

              @Override
              public void onClose(WatcherException cause) {}
            }));
  }

  /** Every state of the node's plan from now on, the first one seen first. */
  private void watchPlans(String name) {
    List<TaskPlan> seen = plans.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    Set<String> reasons = updateReasons.computeIfAbsent(name, n -> new ConcurrentSkipListSet<>());
    watches.add(
        space
            .client()
            .resources(SeiNode.class)
            .inNamespace(space.namespace())
            .withName(name)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, SeiNode node) {
                    Optional.ofNullable(node.getStatus())
                        .map(s -> s.getPlan())
                        .ifPresent(seen::add);
                    Optional.ofNullable(node.getStatus())
                        .flatMap(s -> condition(node, Conditions.NODE_UPDATE_IN_PROGRESS))
                        .filter(c -> Conditions.TRUE.equals(c.getStatus()))
                        .ifPresent(c -> reasons.add(c.getReason()));
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                }));
  }

  private static String describe(Watcher.Action action, Pod p) {
    StringBuilder line =
        new StringBuilder()
            .append(java.time.Instant.now())
            .append(' ')
            .append(action)
            .append(" uid=")
            .append(p.getMetadata().getUid())
            .append(" phase=")
            .append(p.getStatus() == null ? null : p.getStatus().getPhase());
    if (p.getMetadata().getDeletionTimestamp() != null) {
      line.append(" deleting since ").append(p.getMetadata().getDeletionTimestamp());
    }
    Optional.ofNullable(p.getStatus()).stream()
        .flatMap(
            status ->
                java.util.stream.Stream.concat(
                    status.getInitContainerStatuses().stream(),
                    status.getContainerStatuses().stream()))
        .forEach(c -> line.append(' ').append(c.getName()).append('=').append(state(c)));
    return line.toString();
  }

  private static String state(ContainerStatus c) {
    ContainerState state = c.getState();
    if (state == null) {
      return "?";
    } else if (state.getRunning() != null) {
      return "running";
    } else if (state.getTerminated() != null) {
      return "terminated(" + state.getTerminated().getReason() + ")";
    }
    return state.getWaiting() == null ? "?" : "waiting(" + state.getWaiting().getReason() + ")";
  }

  private String podHistory(String name) {
    return String.join("\n  ", podHistory.getOrDefault(name, List.of()));
  }

  private Set<String> uids(String name) {
    return podUids.getOrDefault(name, Set.of());
  }

  private List<TaskPlan> plans(String name) {
    return new ArrayList<>(plans.getOrDefault(name, List.of()));
  }

  private static Optional<TaskStatus> status(TaskPlan plan, String type) {
    Map<String, TaskStatus> byType = new HashMap<>();
    plan.getTasks().forEach(t -> byType.putIfAbsent(t.getType(), t.getStatus()));
    return Optional.ofNullable(byType.get(type));
  }

  private void awaitUpdate(String name, String reason, Duration timeout) {
    Waits.eventually(
        "SeiNode " + name + " NodeUpdateInProgress=False/" + reason,
        timeout,
        () -> space.node(name),
        n ->
            n.getStatus().getPlan() == null
                && condition(n, Conditions.NODE_UPDATE_IN_PROGRESS)
                    .filter(c -> Conditions.FALSE.equals(c.getStatus()))
                    .filter(c -> reason.equals(c.getReason()))
                    .isPresent());
  }

  private static Optional<Condition> condition(SeiNode node, String type) {
    return ScenarioSpace.condition(node.getStatus().getConditions(), type);
  }

  private Pod pod(String name) {
    return space.client().pods().inNamespace(space.namespace()).withName(name + "-0").get();
  }
}
