package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A chain upgrade: entrants bootstrap on the old image to haltHeight-1. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HardForkStrategy {

  @JsonPropertyDescription(
      "Upgrade height; entrants bootstrap to haltHeight-1 with the incumbent image.")
  @Required
  private Long haltHeight;

  public Long getHaltHeight() {
    return haltHeight;
  }

  public void setHaltHeight(Long haltHeight) {
    this.haltHeight = haltHeight;
  }

  public HardForkStrategy withHaltHeight(Long haltHeight) {
    this.haltHeight = haltHeight;
    return this;
  }
}
