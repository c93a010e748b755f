package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.api.CelRuleCases;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** admission.feature: specs submitted to the API server, refused or accepted by its CEL rules. */
public final class AdmissionSteps {
  private static final String API_VERSION = "sei.io/v1alpha1";

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
        // Replaces the whole spec without a resourceVersion: the operator may be writing status.
        submitted =
            space
                .client()
                .genericKubernetesResources(API_VERSION, kind)
                .inNamespace(space.namespace())
                .withName(name)
                .patch(
                    PatchContext.of(PatchType.JSON),
                    Serialization.asJson(
                        List.of(
                            Map.of(
                                "op",
                                "replace",
                                "path",
                                "/spec",
                                "value",
                                object(kind, name, spec.spec())
                                    .getAdditionalProperties()
                                    .get("spec")))));
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
            "apiVersion: " + API_VERSION + "\nkind: " + kind + "\n" + spec,
            GenericKubernetesResource.class);
    object.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(space.namespace()).build());
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
