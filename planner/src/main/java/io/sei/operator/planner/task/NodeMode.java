package io.sei.operator.planner.task;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sei.operator.api.SeiNodeSpec;
import java.util.Optional;

/**
 * The node mode as {@code config-apply} sends it: a sei-config mode, {@code full}, {@code archive}
 * or {@code validator} (the sidecar fails any other value as an invalid mode).
 */
public enum NodeMode {
  FULL_NODE("full"),
  ARCHIVE("archive"),
  VALIDATOR("validator");

  private final String wireName;

  NodeMode(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The single mode a spec sets; empty when it sets none or several. */
  public static Optional<NodeMode> of(SeiNodeSpec spec) {
    int set =
        (spec.getFullNode() != null ? 1 : 0)
            + (spec.getArchive() != null ? 1 : 0)
            + (spec.getValidator() != null ? 1 : 0);
    if (set != 1) {
      return Optional.empty();
    }
    if (spec.getFullNode() != null) {
      return Optional.of(FULL_NODE);
    }
    return Optional.of(spec.getArchive() != null ? ARCHIVE : VALIDATOR);
  }
}
