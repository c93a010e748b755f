package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** A snapshot in the bucket. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3Snapshot {

  @JsonPropertyDescription(
      "Restore the latest snapshot at or below this height; bootstrap halts here.")
  @Min(0)
  private Long targetHeight;

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
