package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of a group of Sei nodes. */
@ValidationRule(
    value =
        "!has(self.updateStrategy) || self.updateStrategy.type != 'HardFork' || (has(self.template.spec.fullNode) && has(self.template.spec.fullNode.snapshot) && has(self.template.spec.fullNode.snapshot.s3)) || (has(self.template.spec.validator) && has(self.template.spec.validator.snapshot) && has(self.template.spec.validator.snapshot.s3))",
    message =
        "a HardFork deployment needs an S3 snapshot source in its template (fullNode.snapshot.s3 or validator.snapshot.s3)")
@ValidationRule(
    value =
        "self.replicas <= 1 || !has(self.template.spec.validator) || !has(self.template.spec.validator.signingKey)",
    message =
        "replicas must be 1 when the template sets validator.signingKey: one key on two pods double-signs")
@ValidationRule(
    value = "!has(self.template.spec.dataVolume) || !has(self.template.spec.dataVolume.__import__)",
    message =
        "template.spec.dataVolume.import is not allowed: every node of the group would mount the one"
            + " imported PVC, and several seids would write one data directory")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SeiNodeDeploymentSpec {

  @JsonPropertyDescription("Number of nodes.")
  @Default("1")
  @Min(0)
  @Max(500)
  private Integer replicas;

  @JsonPropertyDescription("Template of each node.")
  @Required
  private SeiNodeTemplate template;

  @JsonPropertyDescription("How template changes roll out.")
  private UpdateStrategy updateStrategy;

  @JsonPropertyDescription(
      "What deleting the group does to its nodes' data volumes. Retain: every node's data PVC is"
          + " created without an owner, so it outlives the node and the group (labelled"
          + " sei.io/node, sei.io/deployment, sei.io/retain-data); a rollout's teardown-nodes still"
          + " deletes the PVCs of the nodes it removes. Delete: each PVC is owned by its node and"
          + " goes with it. Immutable: it decides ownership when the nodes are created.")
  @Default("Retain")
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "deletionPolicy is immutable: it decided who owns the nodes' data volumes when they were"
              + " created")
  private DeletionPolicy deletionPolicy;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public SeiNodeDeploymentSpec withReplicas(Integer replicas) {
    this.replicas = replicas;
    return this;
  }

  public SeiNodeTemplate getTemplate() {
    return template;
  }

  public void setTemplate(SeiNodeTemplate template) {
    this.template = template;
  }

  public SeiNodeDeploymentSpec withTemplate(SeiNodeTemplate template) {
    this.template = template;
    return this;
  }

  public UpdateStrategy getUpdateStrategy() {
    return updateStrategy;
  }

  public void setUpdateStrategy(UpdateStrategy updateStrategy) {
    this.updateStrategy = updateStrategy;
  }

  public SeiNodeDeploymentSpec withUpdateStrategy(UpdateStrategy updateStrategy) {
    this.updateStrategy = updateStrategy;
    return this;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public SeiNodeDeploymentSpec withDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
    return this;
  }
}
