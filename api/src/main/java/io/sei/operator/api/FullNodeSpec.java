package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Full node mode. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FullNodeSpec {

  @JsonPropertyDescription("How the node gets its first state; genesis when empty.")
  private SnapshotSource snapshot;

  public SnapshotSource getSnapshot() {
    return snapshot;
  }

  public void setSnapshot(SnapshotSource snapshot) {
    this.snapshot = snapshot;
  }

  public FullNodeSpec withSnapshot(SnapshotSource snapshot) {
    this.snapshot = snapshot;
    return this;
  }
}
