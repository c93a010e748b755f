package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** One source of peers: static addresses or a label selector. */
@ValidationRule(
    value = "has(self.static) != has(self.label)",
    message = "a peer source sets exactly one of static or label")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PeerSource {

  @JsonProperty("static")
  @JsonPropertyDescription("Fixed peer addresses.")
  private StaticPeers staticPeers;

  @JsonPropertyDescription("SeiNodes selected by labels.")
  private LabelPeers label;

  public StaticPeers getStaticPeers() {
    return staticPeers;
  }

  public void setStaticPeers(StaticPeers staticPeers) {
    this.staticPeers = staticPeers;
  }

  public PeerSource withStaticPeers(StaticPeers staticPeers) {
    this.staticPeers = staticPeers;
    return this;
  }

  public LabelPeers getLabel() {
    return label;
  }

  public void setLabel(LabelPeers label) {
    this.label = label;
  }

  public PeerSource withLabel(LabelPeers label) {
    this.label = label;
    return this;
  }
}
