package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Observed state of a Sei node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SeiNodeStatus {

  @JsonPropertyDescription("Lifecycle phase.")
  private NodePhase phase;

  @JsonPropertyDescription("Image the running pod was observed with.")
  private String currentImage;

  @JsonPropertyDescription("Signing-key Secret observed mounted on the running pod.")
  private String signingKeyMountedSecret;

  @JsonPropertyDescription("Current conditions.")
  private List<Condition> conditions;

  @JsonPropertyDescription("The plan in progress.")
  private TaskPlan plan;

  @JsonPropertyDescription("Plan progress for display, e.g. 4/11 config-apply.")
  private String planProgress;

  @JsonPropertyDescription("Peers the node was configured with.")
  private List<String> resolvedPeers;

  @JsonPropertyDescription("When the phase last changed (RFC 3339).")
  private String phaseTransitionTime;

  @JsonPropertyDescription("Generation last acted on.")
  private Long observedGeneration;

  public NodePhase getPhase() {
    return phase;
  }

  public void setPhase(NodePhase phase) {
    this.phase = phase;
  }

  public SeiNodeStatus withPhase(NodePhase phase) {
    this.phase = phase;
    return this;
  }

  public String getCurrentImage() {
    return currentImage;
  }

  public void setCurrentImage(String currentImage) {
    this.currentImage = currentImage;
  }

  public SeiNodeStatus withCurrentImage(String currentImage) {
    this.currentImage = currentImage;
    return this;
  }

  public String getSigningKeyMountedSecret() {
    return signingKeyMountedSecret;
  }

  public void setSigningKeyMountedSecret(String signingKeyMountedSecret) {
    this.signingKeyMountedSecret = signingKeyMountedSecret;
  }

  public SeiNodeStatus withSigningKeyMountedSecret(String signingKeyMountedSecret) {
    this.signingKeyMountedSecret = signingKeyMountedSecret;
    return this;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public SeiNodeStatus withConditions(List<Condition> conditions) {
    this.conditions = conditions;
    return this;
  }

  public TaskPlan getPlan() {
    return plan;
  }

  public void setPlan(TaskPlan plan) {
    this.plan = plan;
  }

  public SeiNodeStatus withPlan(TaskPlan plan) {
    this.plan = plan;
    return this;
  }

  public String getPlanProgress() {
    return planProgress;
  }

  public void setPlanProgress(String planProgress) {
    this.planProgress = planProgress;
  }

  public SeiNodeStatus withPlanProgress(String planProgress) {
    this.planProgress = planProgress;
    return this;
  }

  public List<String> getResolvedPeers() {
    return resolvedPeers;
  }

  public void setResolvedPeers(List<String> resolvedPeers) {
    this.resolvedPeers = resolvedPeers;
  }

  public SeiNodeStatus withResolvedPeers(List<String> resolvedPeers) {
    this.resolvedPeers = resolvedPeers;
    return this;
  }

  public String getPhaseTransitionTime() {
    return phaseTransitionTime;
  }

  public void setPhaseTransitionTime(String phaseTransitionTime) {
    this.phaseTransitionTime = phaseTransitionTime;
  }

  public SeiNodeStatus withPhaseTransitionTime(String phaseTransitionTime) {
    this.phaseTransitionTime = phaseTransitionTime;
    return this;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public SeiNodeStatus withObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
    return this;
  }
}
