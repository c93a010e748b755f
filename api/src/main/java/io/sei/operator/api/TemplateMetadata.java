package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** Labels and annotations copied onto each node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateMetadata {

  @JsonPropertyDescription("Labels.")
  @Size(max = 32)
  private Map<String, String> labels;

  @JsonPropertyDescription("Annotations.")
  @Size(max = 32)
  private Map<String, String> annotations;

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public TemplateMetadata withLabels(Map<String, String> labels) {
    this.labels = labels;
    return this;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public TemplateMetadata withAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
    return this;
  }
}
