package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.TaskStatus;
import io.sei.operator.e2e.Waits;
import io.sei.operator.planner.task.TaskSide;
import io.sei.operator.planner.task.TaskType;
import java.time.Duration;
import java.util.List;

/**
 * The operator keeps no state of its own: everything it needs to resume a plan is in the SeiNode's
 * status. A restart mid-plan resumes the plan where it stood — completed sidecar tasks are not
 * submitted again, the running one is polled, and the pod is not replaced.
 */
public final class OperatorRestartSteps {
  private static final String FAULTS_FILE = "sim-faults.json";

  private final ScenarioSpace space;
  private List<String> sidecarTasksDoneAtRestart = List.of();
  private String podUidAtRestart;

  public OperatorRestartSteps(ScenarioSpace space) {
    this.space = space;
  }

  @When("I create a full node {string} on {string} that replays the chain from genesis")
  public void createFromGenesis(String name, String image) {
    space.createNode(name, space.following(image).withFullNode(new FullNodeSpec()));
  }

  @When("the sidecar of node {string} holds its {word} task until released")
  public void holdTask(String name, String task) {
    writeFaults(name, "{\"sidecar\":{\"hangTaskTypes\":[\"" + task + "\"]}}");
  }

  @When("I release the sidecar of node {string}")
  public void release(String name) {
    writeFaults(name, "{}");
  }

  @Then("the node {string} is waiting on its {word} task within {duration}")
  public void waitingOn(String name, String task, Duration timeout) {
    Waits.eventually(
        "SeiNode " + name + " to be waiting on " + task,
        timeout,
        () -> space.node(name).getStatus().getPlanProgress(),
        progress -> progress != null && progress.endsWith(" " + task));
  }

  @When("the operator restarts while node {string} is mid-plan")
  public void restart(String name) {
    space
        .backend()
        .restartOperator(
            () -> {
              SeiNode node = space.node(name);
              sidecarTasksDoneAtRestart =
                  node.getStatus().getPlan().getTasks().stream()
                      .filter(t -> t.getStatus() == TaskStatus.Complete)
                      .map(PlannedTask::getType)
                      .filter(
                          t ->
                              TaskType.fromWireName(t).map(TaskType::side).orElse(null)
                                  == TaskSide.SIDECAR)
                      .toList();
              podUidAtRestart =
                  space
                      .client()
                      .pods()
                      .inNamespace(space.namespace())
                      .withName(name + "-0")
                      .get()
                      .getMetadata()
                      .getUid();
            });
    space.scenario().log("sidecar tasks complete at the restart: " + sidecarTasksDoneAtRestart);
  }

  @Then("the sidecar tasks {string} had completed before the restart")
  public void completedBeforeRestart(String tasks) {
    assertThat(sidecarTasksDoneAtRestart)
        .as("sidecar tasks recorded complete in status.plan at the restart")
        .contains(tasks.split(",\\s*"));
  }

  @Then("the restarted operator submitted none of them again")
  public void noResubmission() {
    List<String> submissions = submissions();
    for (String type : sidecarTasksDoneAtRestart) {
      assertThat(submissions)
          .as("submissions of %s by the restarted operator", type)
          .noneMatch(l -> l.contains("type=\"" + type + "\""));
    }
  }

  @Then("the restarted operator polled the {word} task instead of submitting it again")
  public void polledNotResubmitted(String task) {
    assertThat(submissions())
        .as("submissions of %s by the restarted operator", task)
        .noneMatch(l -> l.contains("type=\"" + task + "\""));
  }

  @Then("the restarted operator submitted the {word} task")
  public void submitted(String task) {
    assertThat(submissions())
        .as("submissions by the restarted operator")
        .anyMatch(l -> l.contains("type=\"" + task + "\""));
  }

  @Then("the pod of node {string} is the one it had at the restart")
  public void samePod(String name) {
    assertThat(
            space
                .client()
                .pods()
                .inNamespace(space.namespace())
                .withName(name + "-0")
                .get()
                .getMetadata()
                .getUid())
        .as("UID of pod %s-0", name)
        .isEqualTo(podUidAtRestart);
  }

  private List<String> submissions() {
    return space
        .backend()
        .operatorMetrics()
        .lines()
        .filter(l -> l.startsWith("sei_sidecar_submissions_total{"))
        .toList();
  }

  private void writeFaults(String name, String content) {
    String claim = name + "-data";
    Waits.eventually(
        "the faults file of " + name + " written on claim " + claim,
        Duration.ofMinutes(2),
        () -> {
          space.backend().writeVolumeFile(space.namespace(), claim, FAULTS_FILE, content);
          return true;
        });
  }
}
