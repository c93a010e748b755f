package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.Pod;
import io.sei.operator.api.Labels;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.e2e.Waits;
import io.sei.operator.e2e.backend.SimulatedChain;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Nodes following the backend's simulated chain, and what they report. */
public final class NodeSteps {
  static final int RPC_PORT = 26657;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScenarioSpace space;

  public NodeSteps(ScenarioSpace space) {
    this.space = space;
  }

  @Given("the chain has produced at least {long} blocks")
  public void chainHasProduced(long blocks) {
    Waits.eventually(
        "the chain to reach height " + blocks,
        Duration.ofMinutes(1),
        () -> space.chain().height(),
        h -> h >= blocks);
  }

  @When("I create a full node {string} on {string} that restores the latest S3 snapshot")
  public void createFullNodeFromSnapshot(String name, String image) {
    space.createNode(name, space.restoring(image, ScenarioSpace.latestSnapshot()));
  }

  @Then("the node {string} becomes {nodePhase} within {duration}")
  public void becomes(String name, NodePhase phase, Duration timeout) {
    Waits.eventually(
        "SeiNode " + name + " to become " + phase,
        timeout,
        () -> phase(name),
        p -> {
          if (p.equals(Optional.of(NodePhase.Failed)) && phase != NodePhase.Failed) {
            throw new AssertionError(
                "SeiNode " + name + " Failed: " + space.node(name).getStatus().getPlan());
          }
          return p.equals(Optional.of(phase));
        });
  }

  @Then("the node {string} never becomes {nodePhase} within {duration}")
  public void neverBecomes(String name, NodePhase phase, Duration during) {
    Waits.never(
        "SeiNode " + name + " becomes " + phase,
        during,
        () -> phase(name).equals(Optional.of(phase)));
  }

  @Then("the node {string} has completed its {word} plan")
  public void planCompleted(String name, String planClass) {
    assertThat(space.node(name).getStatus().getPlan()).as("plan left in status").isNull();
    assertThat(
            space.client().v1().events().inNamespace(space.namespace()).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .filter(e -> "PlanComplete".equals(e.getReason()))
                .map(e -> e.getMessage()))
        .as("PlanComplete events of SeiNode %s", name)
        .anySatisfy(m -> assertThat(m).startsWith(planClass + " plan "));
  }

  @Then("the node {string} runs {string}")
  public void runs(String name, String image) {
    assertThat(space.node(name).getStatus().getCurrentImage())
        .as("status.currentImage")
        .isEqualTo(image);
    assertThat(productionPod(name).getSpec().getContainers())
        .filteredOn(c -> c.getName().equals("seid"))
        .singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo(image));
  }

  @Then("the node {string} reports a chain height that keeps growing")
  public void heightGrows(String name) {
    String pod = productionPod(name).getMetadata().getName();
    long first =
        Waits.eventually(
            "seid of " + name + " to report a height above 0",
            Duration.ofMinutes(1),
            () -> reportedHeight(pod),
            h -> h > 0);
    Waits.eventually(
        "seid of " + name + " to report a height above " + (first + 5),
        Duration.ofMinutes(1),
        () -> reportedHeight(pod),
        h -> h > first + 5);
  }

  @When("I delete the node {string}")
  public void delete(String name) {
    space.client().resources(SeiNode.class).inNamespace(space.namespace()).withName(name).delete();
  }

  @Then("the node {string} and its pods no longer exist within {duration}")
  public void gone(String name, Duration timeout) {
    Waits.eventually(
        "SeiNode " + name + " and its pods to be deleted",
        timeout,
        () -> space.node(name) == null && pods(name).isEmpty());
  }

  private long reportedHeight(String pod) {
    return SimulatedChain.latestHeight(
        space.backend().podHttpGet(space.namespace(), pod, RPC_PORT, "/status"));
  }

  private Optional<NodePhase> phase(String name) {
    return Optional.ofNullable(space.node(name))
        .map(SeiNode::getStatus)
        .map(SeiNodeStatus::getPhase);
  }

  private List<Pod> pods(String name) {
    return space
        .client()
        .pods()
        .inNamespace(space.namespace())
        .withLabel(Labels.NODE, name)
        .list()
        .getItems();
  }

  private Pod productionPod(String name) {
    return pods(name).stream()
        .filter(p -> Labels.ROLE_PRODUCTION.equals(p.getMetadata().getLabels().get(Labels.ROLE)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no production pod of SeiNode " + name));
  }
}
