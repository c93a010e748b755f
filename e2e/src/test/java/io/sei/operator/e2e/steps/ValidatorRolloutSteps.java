package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.sei.operator.api.KeySource;
import io.sei.operator.api.SecretKeySource;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.e2e.Waits;
import io.sei.operator.simulator.cluster.KeyHolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * A signing validator group rolled out under BlueGreen or HardFork: a watch on every pod that
 * mounts the group's signing-key Secret, started before the group exists, proves that no two pods
 * ever held the key at once; the chain's own record shows the validator signing before and after,
 * and how many blocks it missed in between.
 */
public final class ValidatorRolloutSteps {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScenarioSpace space;
  private final HardForkSteps rollout;
  private String signer;
  private String signingSecret;
  private KeyHolders holders;
  private long heightAtSwitch;
  private long signedAtSwitch;

  public ValidatorRolloutSteps(ScenarioSpace space, HardForkSteps rollout) {
    this.space = space;
    this.rollout = rollout;
  }

  @Given("a SeiNodeDeployment {string} of 1 signing validator on {string} is Ready")
  public void readySigningValidator(String name, String image) {
    signer = ValidatorKeys.newSignerAddress();
    signingSecret = name + "-signing-key";
    String nodeSecret = name + "-node-key";
    space.createSecret(
        signingSecret, ValidatorKeys.SIGNING_KEY_FILE, ValidatorKeys.signingKey(signer));
    space.createSecret(nodeSecret, ValidatorKeys.NODE_KEY_FILE, ValidatorKeys.newNodeKey());
    holders = new KeyHolders(space.client(), space.namespace(), signingSecret);
    SeiNodeSpec template = space.restoring(image, ScenarioSpace.latestSnapshot());
    template.setValidator(
        new ValidatorSpec()
            .withSnapshot(template.getFullNode().getSnapshot())
            .withSigningKey(key(signingSecret))
            .withNodeKey(key(nodeSecret)));
    template.setFullNode(null);
    rollout.readyDeployment(name, 1, template);
  }

  @Then("the validator signs blocks within {duration}")
  public void signs(Duration timeout) {
    Waits.eventually(
        "the chain to record blocks signed by the validator's key",
        timeout,
        () -> signed().path("count").asLong(),
        n -> n > 0);
  }

  @When("I switch the deployment {string} to BlueGreen with image {string}")
  public void switchToBlueGreen(String name, String image) {
    markSwitch();
    rollout.switchStrategy(
        name, new UpdateStrategy().withType(UpdateStrategyType.BlueGreen), image);
  }

  /** Marks where the chain and the validator stand when the rollout starts. */
  @When("the chain operator notes the validator's signatures")
  public void markSwitch() {
    heightAtSwitch = height();
    signedAtSwitch = signed().path("count").asLong();
  }

  @Then("no two pods ever held the signing key at once, and the key moved to the entrant")
  public void keyMovedOnce() {
    assertThat(holders.mostAtOnce())
        .as("pods mounting the signing key at once:%n%s", holders.history())
        .isEqualTo(1);
    List<String> entrants = rollout.snd().getStatus().getIncumbentNodes();
    assertThat(holders.holding())
        .as("the key's holder now:%n%s", holders.history())
        .singleElement()
        .satisfies(pod -> assertThat(entrants).anySatisfy(e -> assertThat(pod).startsWith(e)));
  }

  @Then("no two pods ever held the signing key at once, and the entrants never received it")
  public void keyStayed() {
    assertThat(holders.mostAtOnce())
        .as("pods mounting the signing key at once:%n%s", holders.history())
        .isEqualTo(1);
    for (String entrant : rollout.entrantNames()) {
      assertThat(space.node(entrant).getSpec().getValidator().getSigningKey())
          .as("signing key of entrant " + entrant)
          .isNull();
      assertThat(holders.holders())
          .as(holders.history())
          .noneSatisfy(pod -> assertThat(pod).startsWith(entrant + "-"));
    }
  }

  @Then("the validator signs again within {duration}, and the blocks it missed are reported")
  public void signsAgain(Duration timeout) {
    long after =
        Waits.eventually(
            "the chain to record new blocks signed by the validator's key",
            timeout,
            () -> signed().path("count").asLong(),
            n -> n > signedAtSwitch + 3);
    long heights = height() - heightAtSwitch;
    long missed = Math.max(0, heights - (after - signedAtSwitch));
    space
        .scenario()
        .log(
            "signing gap: the chain advanced "
                + heights
                + " blocks since the switch, the validator signed "
                + (after - signedAtSwitch)
                + ": about "
                + missed
                + " blocks missed");
  }

  @After
  public void stopWatching() {
    if (holders != null) {
      holders.close();
    }
  }

  private JsonNode signed() {
    try {
      return JSON.readTree(space.chain().get("/signatures?address=" + signer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long height() {
    try {
      return JSON.readTree(space.chain().get("/status"))
          .path("result")
          .path("sync_info")
          .path("latest_block_height")
          .asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeySource key(String secret) {
    return new KeySource().withSecret(new SecretKeySource().withSecretName(secret));
  }
}
