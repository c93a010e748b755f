package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.api.CelRuleCases;
import java.util.Locale;

/** admission.feature: specs submitted to the API server, refused or accepted by its CEL rules. */
public final class AdmissionSteps {
  private final ScenarioSpace space;
  private GenericKubernetesResource submitted;
  private KubernetesClientException refusal;

  public AdmissionSteps(ScenarioSpace space) {
    this.space = space;
  }

  @When("^I submit an? (SeiNode|SeiNodeDeployment) that (.+)$")
  public void submit(String kind, String phrase) {
    AdmissionSpecs.Spec spec = AdmissionSpecs.BY_PHRASE.get(phrase);
    assertThat(spec).as("a spec for the phrase \"%s\" in AdmissionSpecs", phrase).isNotNull();
    assertThat(spec.kind()).as("kind of \"%s\"", phrase).isEqualTo(kind);
    String name = kind.equals(CelRuleCases.NODE) ? "node-0" : "group";
    try {
      if (spec.before().isPresent()) {
        space.track(space.client().resource(object(kind, name, spec.before().get())).create());
        GenericKubernetesResource changed = object(kind, name, spec.spec());
        submitted =
            space
                .client()
                .genericKubernetesResources(changed.getApiVersion(), kind)
                .inNamespace(space.namespace())
                .withName(name)
                .edit(
                    live -> {
                      live.setAdditionalProperty(
                          "spec", changed.getAdditionalProperties().get("spec"));
                      return live;
                    });
      } else {
        submitted = space.track(space.client().resource(object(kind, name, spec.spec())).create());
      }
    } catch (KubernetesClientException e) {
      refusal = e;
    }
  }

  private GenericKubernetesResource object(String kind, String name, String spec) {
    GenericKubernetesResource object =
        Serialization.unmarshal(
            "apiVersion: sei.io/v1alpha1\nkind: " + kind + "\n" + spec,
            GenericKubernetesResource.class);
    object.getMetadata().setName(name);
    object.getMetadata().setNamespace(space.namespace());
    return object;
  }

  @Then("it is refused because {string}")
  public void refusedBecause(String message) {
    assertThat(refusal)
        .as("the API server's answer (the object was stored: %s)", submitted)
        .isNotNull();
    assertThat(refusal.getCode()).as("HTTP status").isEqualTo(422);
    assertThat(refusal.getMessage()).contains(message);
  }

  @Then("it is accepted")
  public void accepted() {
    assertThat(refusal).as("refusal").isNull();
    assertThat(
            space
                .client()
                .genericKubernetesResources(submitted.getApiVersion(), submitted.getKind())
                .inNamespace(space.namespace())
                .withName(submitted.getMetadata().getName())
                .get())
        .as("the stored %s", submitted.getKind().toLowerCase(Locale.ROOT))
        .isNotNull();
  }
}
