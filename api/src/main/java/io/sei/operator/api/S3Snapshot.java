package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** A snapshot in the bucket. */
@ValidationRule(
    value = "!has(self.upgradeName) || (has(self.targetHeight) && self.targetHeight >= 2)",
    message =
        "s3.upgradeName needs s3.targetHeight of at least 2: the bootstrap stops for the upgrade"
            + " at targetHeight, after restoring a snapshot below it")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3Snapshot {

  @JsonPropertyDescription(
      "Restore the latest snapshot at or below this height; bootstrap halts here.")
  @Min(0)
  private Long targetHeight;

  @JsonPropertyDescription(
      "Name of the chain's upgrade at targetHeight. When set, the bootstrap restores a snapshot"
          + " below targetHeight and its old image runs until it stops for this upgrade (UPGRADE"
          + " \"<name>\" NEEDED at height: <targetHeight>, writing data/upgrade-info.json); exactly"
          + " that stop is the bootstrap's success, any other end fails it.")
  @Pattern("^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$")
  private String upgradeName;

  public String getUpgradeName() {
    return upgradeName;
  }

  public void setUpgradeName(String upgradeName) {
    this.upgradeName = upgradeName;
  }

  public S3Snapshot withUpgradeName(String upgradeName) {
    this.upgradeName = upgradeName;
    return this;
  }

  public Long getTargetHeight() {
    return targetHeight;
  }

  public void setTargetHeight(Long targetHeight) {
    this.targetHeight = targetHeight;
  }

  public S3Snapshot withTargetHeight(Long targetHeight) {
    this.targetHeight = targetHeight;
    return this;
  }
}
