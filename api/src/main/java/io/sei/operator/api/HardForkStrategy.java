package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * A chain upgrade at {@code haltHeight}: entrants bootstrap on the old image, to haltHeight-1, or —
 * with {@code upgradeName} — into the upgrade itself, so the old binary writes the
 * upgrade-info.json that a new binary adding stores needs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HardForkStrategy {

  @JsonPropertyDescription(
      "Upgrade height; entrants bootstrap to haltHeight-1 with the incumbent image.")
  @Required
  private Long haltHeight;

  @JsonPropertyDescription(
      "Name of the chain's upgrade plan at haltHeight. When set, each entrant's bootstrap runs the"
          + " old image until it stops for this upgrade (UPGRADE \"<name>\" NEEDED at height:"
          + " <haltHeight>, writing data/upgrade-info.json, which a new binary that adds stores"
          + " needs), and exactly that stop counts as the bootstrap's success. When empty, the"
          + " bootstrap halts cleanly at haltHeight-1: only for upgrades that add no store.")
  @Pattern("^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$")
  private String upgradeName;

  public Long getHaltHeight() {
    return haltHeight;
  }

  public void setHaltHeight(Long haltHeight) {
    this.haltHeight = haltHeight;
  }

  public String getUpgradeName() {
    return upgradeName;
  }

  public void setUpgradeName(String upgradeName) {
    this.upgradeName = upgradeName;
  }

  public HardForkStrategy withUpgradeName(String upgradeName) {
    this.upgradeName = upgradeName;
    return this;
  }

  public HardForkStrategy withHaltHeight(Long haltHeight) {
    this.haltHeight = haltHeight;
    return this;
  }
}
