package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** How template changes roll out. */
@ValidationRule(
    value = "(self.type == 'HardFork') == has(self.hardFork)",
    message = "hardFork must be set exactly when type is HardFork")
@ValidationRule(
    value = "!has(self.hardFork) || self.hardFork.haltHeight > 0",
    message = "hardFork.haltHeight must be greater than 0")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpdateStrategy {

  @JsonPropertyDescription("InPlace, BlueGreen or HardFork.")
  @Required
  private UpdateStrategyType type;

  @JsonPropertyDescription("Settings of a HardFork rollout.")
  private HardForkStrategy hardFork;

  public UpdateStrategyType getType() {
    return type;
  }

  public void setType(UpdateStrategyType type) {
    this.type = type;
  }

  public UpdateStrategy withType(UpdateStrategyType type) {
    this.type = type;
    return this;
  }

  public HardForkStrategy getHardFork() {
    return hardFork;
  }

  public void setHardFork(HardForkStrategy hardFork) {
    this.hardFork = hardFork;
  }

  public UpdateStrategy withHardFork(HardForkStrategy hardFork) {
    this.hardFork = hardFork;
    return this;
  }
}
