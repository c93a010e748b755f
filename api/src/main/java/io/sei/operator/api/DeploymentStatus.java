package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A rollout in progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeploymentStatus {

  @JsonPropertyDescription("Revision serving before the rollout.")
  private String incumbentRevision;

  @JsonPropertyDescription("Revision being rolled out.")
  private String entrantRevision;

  @JsonPropertyDescription("Nodes being created.")
  private List<String> entrantNodes;

  @JsonPropertyDescription("Image of the incumbents, read from a live incumbent.")
  private String incumbentImage;

  @JsonPropertyDescription(
      "Nodes still to be torn down: entrants of superseded or failed rollouts and, after a rollout"
          + " that failed once traffic had moved to its entrants, the former incumbents. The next"
          + " rollout tears them down.")
  private List<String> staleNodes;

  public List<String> getStaleNodes() {
    return staleNodes;
  }

  public void setStaleNodes(List<String> staleNodes) {
    this.staleNodes = staleNodes;
  }

  public DeploymentStatus withStaleNodes(List<String> staleNodes) {
    this.staleNodes = staleNodes;
    return this;
  }

  public String getIncumbentRevision() {
    return incumbentRevision;
  }

  public void setIncumbentRevision(String incumbentRevision) {
    this.incumbentRevision = incumbentRevision;
  }

  public DeploymentStatus withIncumbentRevision(String incumbentRevision) {
    this.incumbentRevision = incumbentRevision;
    return this;
  }

  public String getEntrantRevision() {
    return entrantRevision;
  }

  public void setEntrantRevision(String entrantRevision) {
    this.entrantRevision = entrantRevision;
  }

  public DeploymentStatus withEntrantRevision(String entrantRevision) {
    this.entrantRevision = entrantRevision;
    return this;
  }

  public List<String> getEntrantNodes() {
    return entrantNodes;
  }

  public void setEntrantNodes(List<String> entrantNodes) {
    this.entrantNodes = entrantNodes;
  }

  public DeploymentStatus withEntrantNodes(List<String> entrantNodes) {
    this.entrantNodes = entrantNodes;
    return this;
  }

  public String getIncumbentImage() {
    return incumbentImage;
  }

  public void setIncumbentImage(String incumbentImage) {
    this.incumbentImage = incumbentImage;
  }

  public DeploymentStatus withIncumbentImage(String incumbentImage) {
    this.incumbentImage = incumbentImage;
    return this;
  }
}
