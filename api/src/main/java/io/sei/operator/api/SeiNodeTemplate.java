package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Template of a node in a group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SeiNodeTemplate {

  @JsonPropertyDescription("Labels and annotations of each node.")
  private TemplateMetadata metadata;

  @JsonPropertyDescription("Spec of each node.")
  @Required
  private SeiNodeSpec spec;

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
  }

  public SeiNodeTemplate withMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
    return this;
  }

  public SeiNodeSpec getSpec() {
    return spec;
  }

  public void setSpec(SeiNodeSpec spec) {
    this.spec = spec;
  }

  public SeiNodeTemplate withSpec(SeiNodeSpec spec) {
    this.spec = spec;
    return this;
  }
}
