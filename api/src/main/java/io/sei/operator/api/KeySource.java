package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where a key comes from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KeySource {

  @JsonPropertyDescription("A Secret holding the key file.")
  @Required
  private SecretKeySource secret;

  public SecretKeySource getSecret() {
    return secret;
  }

  public void setSecret(SecretKeySource secret) {
    this.secret = secret;
  }

  public KeySource withSecret(SecretKeySource secret) {
    this.secret = secret;
    return this;
  }
}
