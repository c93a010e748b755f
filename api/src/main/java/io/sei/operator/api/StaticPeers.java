package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Fixed peer addresses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StaticPeers {

  @JsonPropertyDescription("Peers as <node-id>@<host>:<port>.")
  @Required
  @Size(max = 64)
  private List<String> addresses;

  public List<String> getAddresses() {
    return addresses;
  }

  public void setAddresses(List<String> addresses) {
    this.addresses = addresses;
  }

  public StaticPeers withAddresses(List<String> addresses) {
    this.addresses = addresses;
    return this;
  }
}
