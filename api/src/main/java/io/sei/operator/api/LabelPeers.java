package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** SeiNodes selected by labels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LabelPeers {

  @JsonPropertyDescription("Label selector of the peer SeiNodes.")
  @Required
  @Size(max = 16)
  private Map<String, String> selector;

  @JsonPropertyDescription("Namespace of the peers; the node's own when empty.")
  @Size(max = 63)
  private String namespace;

  public Map<String, String> getSelector() {
    return selector;
  }

  public void setSelector(Map<String, String> selector) {
    this.selector = selector;
  }

  public LabelPeers withSelector(Map<String, String> selector) {
    this.selector = selector;
    return this;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public LabelPeers withNamespace(String namespace) {
    this.namespace = namespace;
    return this;
  }
}
