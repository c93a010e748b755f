package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A child node and its phase. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeSummary {

  @JsonPropertyDescription("Node name.")
  private String name;

  @JsonPropertyDescription("Node phase.")
  private NodePhase phase;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public NodeSummary withName(String name) {
    this.name = name;
    return this;
  }

  public NodePhase getPhase() {
    return phase;
  }

  public void setPhase(NodePhase phase) {
    this.phase = phase;
  }

  public NodeSummary withPhase(NodePhase phase) {
    this.phase = phase;
    return this;
  }
}
