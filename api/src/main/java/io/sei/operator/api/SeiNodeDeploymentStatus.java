package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Observed state of a group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SeiNodeDeploymentStatus {

  @JsonPropertyDescription("Lifecycle phase.")
  private DeploymentPhase phase;

  @JsonPropertyDescription("Generation last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("Hash of the rollout-worthy template fields in force.")
  private String templateHash;

  @JsonPropertyDescription("Nodes serving now.")
  private List<String> incumbentNodes;

  @JsonPropertyDescription("The rollout in progress.")
  private DeploymentStatus deployment;

  @JsonPropertyDescription("The plan in progress.")
  private TaskPlan plan;

  @JsonPropertyDescription("Plan progress for display.")
  private String planProgress;

  @JsonPropertyDescription("Current conditions.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Child nodes and their phases.")
  private List<NodeSummary> nodes;

  public DeploymentPhase getPhase() {
    return phase;
  }

  public void setPhase(DeploymentPhase phase) {
    this.phase = phase;
  }

  public SeiNodeDeploymentStatus withPhase(DeploymentPhase phase) {
    this.phase = phase;
    return this;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public SeiNodeDeploymentStatus withObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
    return this;
  }

  public String getTemplateHash() {
    return templateHash;
  }

  public void setTemplateHash(String templateHash) {
    this.templateHash = templateHash;
  }

  public SeiNodeDeploymentStatus withTemplateHash(String templateHash) {
    this.templateHash = templateHash;
    return this;
  }

  public List<String> getIncumbentNodes() {
    return incumbentNodes;
  }

  public void setIncumbentNodes(List<String> incumbentNodes) {
    this.incumbentNodes = incumbentNodes;
  }

  public SeiNodeDeploymentStatus withIncumbentNodes(List<String> incumbentNodes) {
    this.incumbentNodes = incumbentNodes;
    return this;
  }

  public DeploymentStatus getDeployment() {
    return deployment;
  }

  public void setDeployment(DeploymentStatus deployment) {
    this.deployment = deployment;
  }

  public SeiNodeDeploymentStatus withDeployment(DeploymentStatus deployment) {
    this.deployment = deployment;
    return this;
  }

  public TaskPlan getPlan() {
    return plan;
  }

  public void setPlan(TaskPlan plan) {
    this.plan = plan;
  }

  public SeiNodeDeploymentStatus withPlan(TaskPlan plan) {
    this.plan = plan;
    return this;
  }

  public String getPlanProgress() {
    return planProgress;
  }

  public void setPlanProgress(String planProgress) {
    this.planProgress = planProgress;
  }

  public SeiNodeDeploymentStatus withPlanProgress(String planProgress) {
    this.planProgress = planProgress;
    return this;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public SeiNodeDeploymentStatus withConditions(List<Condition> conditions) {
    this.conditions = conditions;
    return this;
  }

  public List<NodeSummary> getNodes() {
    return nodes;
  }

  public void setNodes(List<NodeSummary> nodes) {
    this.nodes = nodes;
  }

  public SeiNodeDeploymentStatus withNodes(List<NodeSummary> nodes) {
    this.nodes = nodes;
    return this;
  }
}
