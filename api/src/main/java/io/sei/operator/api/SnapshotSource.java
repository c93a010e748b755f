package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** How a node gets its first state. */
@ValidationRule(
    value = "has(self.s3) != has(self.stateSync)",
    message = "a snapshot source sets exactly one of s3 or stateSync")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SnapshotSource {

  @JsonPropertyDescription("Restore a snapshot from the bucket.")
  private S3Snapshot s3;

  @JsonPropertyDescription("Use CometBFT state sync.")
  private StateSyncSource stateSync;

  @JsonPropertyDescription("State-sync trust period, e.g. 168h.")
  @Size(max = 32)
  private String trustPeriod;

  @JsonPropertyDescription("Blocks to backfill after state sync.")
  @Min(0)
  private Long backfillBlocks;

  @JsonPropertyDescription("Image that syncs to s3.targetHeight in a bootstrap Job first.")
  @Size(max = 512)
  private String bootstrapImage;

  public S3Snapshot getS3() {
    return s3;
  }

  public void setS3(S3Snapshot s3) {
    this.s3 = s3;
  }

  public SnapshotSource withS3(S3Snapshot s3) {
    this.s3 = s3;
    return this;
  }

  public StateSyncSource getStateSync() {
    return stateSync;
  }

  public void setStateSync(StateSyncSource stateSync) {
    this.stateSync = stateSync;
  }

  public SnapshotSource withStateSync(StateSyncSource stateSync) {
    this.stateSync = stateSync;
    return this;
  }

  public String getTrustPeriod() {
    return trustPeriod;
  }

  public void setTrustPeriod(String trustPeriod) {
    this.trustPeriod = trustPeriod;
  }

  public SnapshotSource withTrustPeriod(String trustPeriod) {
    this.trustPeriod = trustPeriod;
    return this;
  }

  public Long getBackfillBlocks() {
    return backfillBlocks;
  }

  public void setBackfillBlocks(Long backfillBlocks) {
    this.backfillBlocks = backfillBlocks;
  }

  public SnapshotSource withBackfillBlocks(Long backfillBlocks) {
    this.backfillBlocks = backfillBlocks;
    return this;
  }

  public String getBootstrapImage() {
    return bootstrapImage;
  }

  public void setBootstrapImage(String bootstrapImage) {
    this.bootstrapImage = bootstrapImage;
  }

  public SnapshotSource withBootstrapImage(String bootstrapImage) {
    this.bootstrapImage = bootstrapImage;
    return this;
  }
}
