package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Secret in the node's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeySource {

  @JsonPropertyDescription("Name of the Secret.")
  @Required
  @Size(max = 253)
  private String secretName;

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }

  public SecretKeySource withSecretName(String secretName) {
    this.secretName = secretName;
    return this;
  }
}
