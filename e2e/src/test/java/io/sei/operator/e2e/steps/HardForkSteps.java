package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.DeploymentStatus;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.Labels;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentSpec;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeTemplate;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.e2e.Waits;
import io.sei.operator.e2e.backend.SimulatedChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A SeiNodeDeployment on a chain of the scenario's own, switched to the HardFork strategy, and what
 * the chain operator checks of the rollout: the plan's tasks, how the entrants bootstrapped and
 * upgraded, when the Service moved, and that the incumbents were left alone. Everything that
 * happens in the namespace from the deployment's creation on is recorded by watches, so the order
 * of events can be asserted after the fact.
 */
public final class HardForkSteps {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final String FAULTS_FILE = "sim-faults.json";

  private final ScenarioSpace space;
  private final List<Watch> watches = new CopyOnWriteArrayList<>();

  /** Ordered facts: {@code selector <revision>}, {@code deleted <node>}. */
  private final List<String> order = new CopyOnWriteArrayList<>();

  /** Every plan of the deployment seen, by plan id, with its task types. */
  private final Map<String, List<String>> plans = new ConcurrentHashMap<>();

  /** Pod UIDs seen per SeiNode and role ({@code <node>/<role>}). */
  private final Map<String, Set<String>> podUids = new ConcurrentHashMap<>();

  /** seid arguments seen per SeiNode and role. */
  private final Map<String, Set<String>> seidArgs = new ConcurrentHashMap<>();

  /** How each bootstrap pod's seid ended: exit code and its last log lines, per SeiNode. */
  private final Map<String, String> bootstrapEnds = new ConcurrentHashMap<>();

  private String deployment;
  private String incumbentRevision;
  private Map<String, Long> incumbentGenerations = Map.of();

  public HardForkSteps(ScenarioSpace space) {
    this.space = space;
  }

  @Given(
      "the chain halts for upgrade {string} at height {long} until an upgraded node carries it on")
  public void chainWithUpgrade(String upgrade, long height) {
    SimulatedChain chain =
        space.startOwnChain(
            new SimulatedChain.Plan(100, 10, List.of(upgrade + "@" + height), false));
    awaitHeight(chain, 10);
  }

  @Given(
      "the chain halts for upgrade {string} adding stores at height {long} until an upgraded node"
          + " carries it on")
  public void chainWithStoreUpgrade(String upgrade, long height) {
    SimulatedChain chain =
        space.startOwnChain(
            new SimulatedChain.Plan(100, 10, List.of(upgrade + "@" + height + "+stores"), false));
    awaitHeight(chain, 10);
  }

  @Given("the chain takes a snapshot every {long} blocks and has produced at least {long} blocks")
  public void chainWithSparseSnapshots(long interval, long blocks) {
    awaitHeight(
        space.startOwnChain(new SimulatedChain.Plan(100, interval, List.of(), false)), blocks);
  }

  @Given("a SeiNodeDeployment {string} of {int} full node(s) on {string} is Ready")
  public void readyDeployment(String name, int replicas, String image) {
    readyDeployment(name, replicas, space.restoring(image, ScenarioSpace.latestSnapshot()));
  }

  /** Creates SeiNodeDeployment {@code name} from {@code template}, recorded, and awaits Ready. */
  void readyDeployment(String name, int replicas, SeiNodeSpec template) {
    deployment = name;
    record();
    SeiNodeDeployment snd = new SeiNodeDeployment();
    snd.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(space.namespace()).build());
    snd.setSpec(
        new SeiNodeDeploymentSpec()
            .withReplicas(replicas)
            .withTemplate(new SeiNodeTemplate().withSpec(template)));
    space.track(space.client().resource(snd).create());
    SeiNodeDeployment ready = awaitPhase(DeploymentPhase.Ready, READY_TIMEOUT);
    assertThat(ready.getStatus().getIncumbentNodes()).as("incumbent nodes").hasSize(replicas);
  }

  @When("I switch the deployment {string} to HardFork with haltHeight {long} and image {string}")
  public void switchToHardFork(String name, long haltHeight, String image) {
    switchToHardFork(name, new HardForkStrategy().withHaltHeight(haltHeight), image);
  }

  @When(
      "I switch the deployment {string} to HardFork for upgrade {string} with haltHeight {long}"
          + " and image {string}")
  public void switchToNamedHardFork(String name, String upgrade, long haltHeight, String image) {
    switchToHardFork(
        name, new HardForkStrategy().withHaltHeight(haltHeight).withUpgradeName(upgrade), image);
  }

  private void switchToHardFork(String name, HardForkStrategy hardFork, String image) {
    switchStrategy(
        name,
        new UpdateStrategy().withType(UpdateStrategyType.HardFork).withHardFork(hardFork),
        image);
  }

  /** Sets the deployment's strategy and template image in one edit, as a chain operator would. */
  void switchStrategy(String name, UpdateStrategy strategy, String image) {
    SeiNodeDeployment before = snd();
    incumbentRevision = before.getStatus().getTemplateHash();
    incumbentGenerations = new LinkedHashMap<>();
    for (String incumbent : before.getStatus().getIncumbentNodes()) {
      incumbentGenerations.put(incumbent, node(incumbent).getMetadata().getGeneration());
    }
    plans.clear();
    space
        .client()
        .resources(SeiNodeDeployment.class)
        .inNamespace(space.namespace())
        .withName(name)
        .edit(
            snd -> {
              snd.getSpec().setUpdateStrategy(strategy);
              snd.getSpec().getTemplate().getSpec().setImage(image);
              return snd;
            });
  }

  @When("the new binary of every entrant crashes at the upgrade height")
  public void entrantsCrashAtUpgrade() {
    int replicas = incumbentGenerations.size();
    List<String> entrants =
        Waits.eventually(
            "the rollout to name its " + replicas + " entrants",
            READY_TIMEOUT,
            this::entrantNames,
            names -> names.size() == replicas);
    // The simulator re-reads this file live; the bootstrap Job (old binary) halts before the
    // upgrade, so only the new binary reaches it.
    for (String entrant : entrants) {
      String claim = entrant + "-data";
      Waits.eventually(
          "the faults file written on claim " + claim + " of entrant " + entrant,
          READY_TIMEOUT,
          () -> {
            space
                .backend()
                .writeVolumeFile(
                    space.namespace(), claim, FAULTS_FILE, "{\"seid\":{\"crashOnUpgrade\":true}}");
            return true;
          });
    }
  }

  @Then("the deployment {string} becomes Ready on {string} within {duration}")
  public void becomesReadyOn(String name, String image, Duration timeout) {
    SeiNodeDeployment ready = awaitPhase(DeploymentPhase.Ready, timeout);
    assertThat(ready.getStatus().getIncumbentNodes())
        .as("the deployment's nodes after the rollout")
        .isNotEmpty()
        .allSatisfy(
            n ->
                assertThat(node(n).getStatus().getCurrentImage())
                    .as("image of " + n)
                    .isEqualTo(image));
  }

  @Then("the deployment {string} becomes Degraded within {duration}")
  public void becomesDegraded(String name, Duration timeout) {
    awaitPhase(DeploymentPhase.Degraded, timeout);
  }

  @Then("the rollout plan of {string} was exactly {taskList}")
  public void rolloutPlanWas(String name, List<String> tasks) {
    assertThat(plans.values())
        .as("rollout plans of %s seen since the switch", name)
        .containsExactly(tasks);
  }

  @Then("every entrant was created with bootstrap image {string} and S3 target height {long}")
  public void entrantSpecs(String bootstrapImage, long targetHeight) {
    assertThat(entrants())
        .isNotEmpty()
        .allSatisfy(
            entrant -> {
              SnapshotSource snapshot = node(entrant).getSpec().getFullNode().getSnapshot();
              assertThat(snapshot.getBootstrapImage())
                  .as("bootstrapImage of " + entrant)
                  .isEqualTo(bootstrapImage);
              assertThat(snapshot.getS3().getTargetHeight())
                  .as("s3.targetHeight of " + entrant)
                  .isEqualTo(targetHeight);
            });
  }

  @Then(
      "every entrant was created with bootstrap image {string}, S3 target height {long} and upgrade"
          + " {string}")
  public void entrantSpecsWithUpgrade(String bootstrapImage, long targetHeight, String upgrade) {
    entrantSpecs(bootstrapImage, targetHeight);
    assertThat(entrants())
        .allSatisfy(
            entrant ->
                assertThat(
                        node(entrant)
                            .getSpec()
                            .getFullNode()
                            .getSnapshot()
                            .getS3()
                            .getUpgradeName())
                    .as("s3.upgradeName of " + entrant)
                    .isEqualTo(upgrade));
  }

  @Then("every entrant's bootstrap Job ran {string} and halted at height {long}")
  public void bootstrapJobs(String image, long height) {
    assertBootstrapEnds(image, height, "exit 0", "HALT height=" + height);
  }

  @Then(
      "every entrant's bootstrap Job ran {string} and stopped for upgrade {string} at height {long}")
  public void bootstrapJobsStoppedForTheUpgrade(String image, String upgrade, long height) {
    assertBootstrapEnds(
        image, height, "exit 2", "UPGRADE \"" + upgrade + "\" NEEDED at height: " + height);
  }

  private void assertBootstrapEnds(String image, long haltHeight, String exit, String lastWords) {
    for (String entrant : entrants()) {
      assertThat(podUids.get(entrant + "/" + Labels.ROLE_BOOTSTRAP))
          .as("bootstrap pods of " + entrant)
          .hasSize(1);
      assertThat(seidArgs.get(entrant + "/" + Labels.ROLE_BOOTSTRAP))
          .as("seid of the bootstrap pod of " + entrant)
          .containsExactly(image + " " + "--halt-height " + haltHeight);
      assertThat(bootstrapEnds.get(entrant))
          .as("how the bootstrap seid of " + entrant + " ended")
          .startsWith(exit + " ")
          .contains(lastWords);
    }
  }

  @Then(
      "every entrant's production pod runs {string} and applied upgrade {string} at height {long}")
  public void entrantsUpgraded(String image, String upgrade, long height) {
    for (String entrant : entrants()) {
      assertThat(seidArgs.get(entrant + "/" + Labels.ROLE_PRODUCTION))
          .as("seid of the production pod of " + entrant)
          .containsExactly(image);
      String applied = "UPGRADE applied name=" + upgrade + " height=" + height;
      Waits.eventually(
          "seid of entrant " + entrant + " to log '" + applied + "'",
          Duration.ofSeconds(30),
          () ->
              space.backend().containerLog(space.namespace(), entrant + "-0", "seid", 500).stream()
                  .anyMatch(l -> l.contains(applied)));
    }
  }

  @Then("the Service {string} selected the entrants before any incumbent was deleted")
  public void trafficBeforeTeardown(String service) {
    String switched = "selector " + snd().getStatus().getTemplateHash();
    Waits.eventually(
        "the deletion of every incumbent to be observed",
        Duration.ofSeconds(30),
        () -> incumbentGenerations.keySet().stream().allMatch(n -> order.contains("deleted " + n)));
    int firstDeletion =
        incumbentGenerations.keySet().stream()
            .mapToInt(n -> order.indexOf("deleted " + n))
            .min()
            .orElseThrow();
    assertThat(order).as("what happened, in order").contains(switched);
    assertThat(order.indexOf(switched))
        .as(
            "Service %s moved to the entrants before the first incumbent was deleted: %s",
            service, order)
        .isLessThan(firstDeletion);
  }

  @Then("no incumbent was halted or restarted by the operator")
  public void incumbentsUntouched() {
    for (String incumbent : incumbentGenerations.keySet()) {
      assertThat(podUids.get(incumbent + "/" + Labels.ROLE_PRODUCTION))
          .as("pods of incumbent " + incumbent + " (one pod, never replaced)")
          .hasSize(1);
      assertThat(seidArgs.get(incumbent + "/" + Labels.ROLE_PRODUCTION))
          .as("seid of incumbent " + incumbent + " (never given a halt height)")
          .allSatisfy(args -> assertThat(args).doesNotContain("--halt-height"));
      Optional.ofNullable(space.node(incumbent))
          .ifPresent(
              n ->
                  assertThat(n.getMetadata().getGeneration())
                      .as("spec generation of incumbent " + incumbent + " (spec never edited)")
                      .isEqualTo(incumbentGenerations.get(incumbent)));
    }
  }

  @Then("the chain carries on past height {long} within {duration}")
  public void chainCarriesOn(long height, Duration timeout) {
    awaitHeight(space.chain(), height + 1, timeout);
  }

  @Then("the next reconciles of deployment {string} write nothing for {duration}")
  public void deploymentWritesNothing(String name, Duration during) {
    Map<String, String> versions = resourceVersions(name);
    Waits.never(
        "the deployment or one of its nodes is written (resourceVersions " + versions + ")",
        during,
        () -> !resourceVersions(name).equals(versions));
  }

  /** The resourceVersion of the deployment and of each of its nodes. */
  private Map<String, String> resourceVersions(String name) {
    SeiNodeDeployment snd = snd();
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("SeiNodeDeployment " + name, snd.getMetadata().getResourceVersion());
    for (String n : snd.getStatus().getIncumbentNodes()) {
      versions.put("SeiNode " + n, node(n).getMetadata().getResourceVersion());
    }
    return versions;
  }

  @Then(
      "the deployment {string} reports {word} {word} with reason {word} naming {string} and"
          + " {string}")
  public void reportsCondition(
      String name, String type, String status, String reason, String first, String second) {
    assertThat(ScenarioSpace.condition(snd().getStatus().getConditions(), type))
        .as("condition %s of SeiNodeDeployment %s", type, name)
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).as("status").isEqualTo(status);
              assertThat(c.getReason()).as("reason").isEqualTo(reason);
              assertThat(c.getMessage()).as("message").contains(first).contains(second);
            });
  }

  @Then("the Service {string} still selects the incumbents")
  public void stillSelectsIncumbents(String service) {
    Service svc = space.client().services().inNamespace(space.namespace()).withName(service).get();
    assertThat(svc.getSpec().getSelector())
        .as("selector of Service %s", service)
        .containsEntry(Labels.REVISION, incumbentRevision);
    assertThat(order)
        .as("selectors Service %s ever had", service)
        .filteredOn(e -> e.startsWith("selector "))
        .containsOnly("selector " + incumbentRevision);
  }

  @Then(
      "every incumbent is kept, and its seid stopped for nothing but upgrade {string} at height"
          + " {long}")
  public void incumbentsStoppedOnlyByTheUpgrade(String upgrade, long height) {
    String panic = "UPGRADE \"" + upgrade + "\" NEEDED at height: " + height;
    for (String incumbent : incumbentGenerations.keySet()) {
      assertThat(space.node(incumbent)).as("SeiNode " + incumbent).isNotNull();
      Pod pod =
          space.client().pods().inNamespace(space.namespace()).withName(incumbent + "-0").get();
      assertThat(pod).as("pod of incumbent " + incumbent).isNotNull();
      ContainerStatus seid =
          pod.getStatus().getContainerStatuses().stream()
              .filter(s -> s.getName().equals("seid"))
              .findFirst()
              .orElseThrow();
      Optional.ofNullable(seid.getLastState())
          .map(s -> s.getTerminated())
          .ifPresent(
              last ->
                  assertThat(last.getMessage())
                      .as("how seid of incumbent " + incumbent + " last stopped")
                      .contains(panic));
    }
  }

  @Then("the entrants are kept for inspection")
  public void entrantsKept() {
    assertThat(entrantNames()).as("entrants named by the rollout").isNotEmpty();
    assertThat(entrantNames())
        .allSatisfy(e -> assertThat(space.node(e)).as("SeiNode " + e).isNotNull());
  }

  @Then("every entrant is Failed at task {word} with a reason naming {string}")
  public void entrantsFailed(String task, String reason) {
    assertThat(entrantNames()).as("entrants named by the rollout").isNotEmpty();
    for (String entrant : entrantNames()) {
      SeiNode node = node(entrant);
      assertThat(node.getStatus().getPhase()).as("phase of " + entrant).isEqualTo(NodePhase.Failed);
      assertThat(ScenarioSpace.condition(node.getStatus().getConditions(), Conditions.INITIALIZED))
          .as("condition Initialized of " + entrant)
          .hasValueSatisfying(
              c -> {
                assertThat(c.getStatus()).isEqualTo(Conditions.FALSE);
                assertThat(c.getReason()).isEqualTo(Conditions.REASON_INIT_FAILED);
                assertThat(c.getMessage()).contains("task " + task + " ").contains(reason);
              });
    }
  }

  @After
  public void stopWatching() {
    watches.forEach(Watch::close);
  }

  /** Watches the namespace's Services, SeiNodes, pods and the deployment's plans from now on. */
  private void record() {
    var ns = space.client();
    watches.add(
        ns.services()
            .inNamespace(space.namespace())
            .watch(
                watcher(
                    (action, svc) ->
                        Optional.ofNullable(svc.getSpec().getSelector())
                            .map(s -> s.get(Labels.REVISION))
                            .map(r -> "selector " + r)
                            .filter(fact -> !order.contains(fact))
                            .ifPresent(order::add))));
    watches.add(
        ns.resources(SeiNode.class)
            .inNamespace(space.namespace())
            .watch(
                watcher(
                    (action, node) -> {
                      String fact = "deleted " + node.getMetadata().getName();
                      if ((action == Watcher.Action.DELETED
                              || node.getMetadata().getDeletionTimestamp() != null)
                          && !order.contains(fact)) {
                        order.add(fact);
                      }
                    })));
    watches.add(
        ns.resources(SeiNodeDeployment.class)
            .inNamespace(space.namespace())
            .watch(
                watcher(
                    (action, snd) ->
                        Optional.ofNullable(snd.getStatus())
                            .map(s -> s.getPlan())
                            .ifPresent(
                                plan ->
                                    plans.putIfAbsent(
                                        plan.getId(),
                                        plan.getTasks().stream()
                                            .map(PlannedTask::getType)
                                            .toList())))));
    watches.add(ns.pods().inNamespace(space.namespace()).watch(watcher(this::recordPod)));
  }

  private void recordPod(Watcher.Action action, Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    String node = labels == null ? null : labels.get(Labels.NODE);
    String role = labels == null ? null : labels.get(Labels.ROLE);
    if (node == null || role == null) {
      return;
    }
    String key = node + "/" + role;
    podUids
        .computeIfAbsent(key, k -> new ConcurrentSkipListSet<>())
        .add(pod.getMetadata().getUid());
    pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("seid"))
        .forEach(
            seid -> {
              List<String> words = new ArrayList<>(List.of(seid.getImage()));
              List<String> args = Optional.ofNullable(seid.getArgs()).orElse(List.of());
              int halt = args.indexOf("--halt-height");
              if (halt >= 0 && halt + 1 < args.size()) {
                words.add("--halt-height " + args.get(halt + 1));
              }
              seidArgs
                  .computeIfAbsent(key, k -> new ConcurrentSkipListSet<>())
                  .add(String.join(" ", words));
            });
    if (Labels.ROLE_BOOTSTRAP.equals(role) && !bootstrapEnds.containsKey(node)) {
      seidTermination(pod)
          .ifPresent(
              exit ->
                  // Read at once: the operator removes the Job (and its pod) once it completed.
                  bootstrapEnds.put(
                      node,
                      "exit "
                          + exit
                          + " "
                          + String.join(
                              " | ",
                              space
                                  .backend()
                                  .containerLog(
                                      space.namespace(), pod.getMetadata().getName(), "seid", 5))));
    }
  }

  private static Optional<Integer> seidTermination(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(s -> s.getContainerStatuses())
        .orElse(List.of())
        .stream()
        .filter(s -> s.getName().equals("seid"))
        .map(ContainerStatus::getState)
        .filter(s -> s != null && s.getTerminated() != null)
        .map(s -> s.getTerminated().getExitCode())
        .findFirst();
  }

  private static <T> Watcher<T> watcher(BiConsumer<Watcher.Action, T> onEvent) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        onEvent.accept(action, resource);
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }

  SeiNodeDeployment awaitPhase(DeploymentPhase phase, Duration timeout) {
    return Waits.eventually(
        "SeiNodeDeployment " + deployment + " to become " + phase,
        timeout,
        this::snd,
        snd -> {
          DeploymentPhase now = snd.getStatus() == null ? null : snd.getStatus().getPhase();
          if (now == DeploymentPhase.Degraded && phase != DeploymentPhase.Degraded) {
            throw new AssertionError(
                "SeiNodeDeployment "
                    + deployment
                    + " Degraded: "
                    + snd.getStatus().getConditions().stream().map(Condition::getMessage).toList());
          }
          if (now != phase) {
            return false;
          }
          // Ready counts once the rollout is over: no plan, and past the incumbents' revision.
          return phase != DeploymentPhase.Ready
              || (snd.getStatus().getPlan() == null
                  && (incumbentRevision == null
                      || !incumbentRevision.equals(snd.getStatus().getTemplateHash())));
        });
  }

  private static void awaitHeight(SimulatedChain chain, long height) {
    awaitHeight(chain, height, Duration.ofMinutes(1));
  }

  private static void awaitHeight(SimulatedChain chain, long height, Duration timeout) {
    Waits.eventually(
        "the chain to reach height " + height, timeout, chain::height, h -> h >= height);
  }

  /** The entrants of the last rollout: the nodes after a completed one, else the named ones. */
  private List<String> entrants() {
    SeiNodeDeployment snd = snd();
    return snd.getStatus().getPhase() == DeploymentPhase.Ready
        ? snd.getStatus().getIncumbentNodes()
        : entrantNames();
  }

  List<String> entrantNames() {
    return Optional.ofNullable(snd().getStatus().getDeployment())
        .map(DeploymentStatus::getEntrantNodes)
        .orElse(List.of());
  }

  SeiNodeDeployment snd() {
    return space
        .client()
        .resources(SeiNodeDeployment.class)
        .inNamespace(space.namespace())
        .withName(deployment)
        .get();
  }

  private SeiNode node(String name) {
    SeiNode node = space.node(name);
    if (node == null) {
      throw new AssertionError("SeiNode " + name + " does not exist");
    }
    return node;
  }
}
