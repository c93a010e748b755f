package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An existing PVC to adopt; never owned or deleted by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImportSpec {

  @JsonPropertyDescription("Name of the existing PVC.")
  @Required
  @Size(max = 253)
  private String pvcName;

  public String getPvcName() {
    return pvcName;
  }

  public void setPvcName(String pvcName) {
    this.pvcName = pvcName;
  }

  public ImportSpec withPvcName(String pvcName) {
    this.pvcName = pvcName;
    return this;
  }
}
