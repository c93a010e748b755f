package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Validator mode. */
@ValidationRule(
    value = "has(self.signingKey) == has(self.nodeKey)",
    message = "signingKey and nodeKey must be set together")
@ValidationRule(
    value =
        "!has(self.signingKey) || !has(self.nodeKey) || self.signingKey.secret.secretName != self.nodeKey.secret.secretName",
    message = "signingKey and nodeKey must name distinct Secrets")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValidatorSpec {

  @JsonPropertyDescription("How the node gets its first state; genesis when empty.")
  private SnapshotSource snapshot;

  @JsonPropertyDescription("Consensus signing key (priv_validator_key.json); absent = observer.")
  private KeySource signingKey;

  @JsonPropertyDescription("P2P node key (node_key.json).")
  private KeySource nodeKey;

  public SnapshotSource getSnapshot() {
    return snapshot;
  }

  public void setSnapshot(SnapshotSource snapshot) {
    this.snapshot = snapshot;
  }

  public ValidatorSpec withSnapshot(SnapshotSource snapshot) {
    this.snapshot = snapshot;
    return this;
  }

  public KeySource getSigningKey() {
    return signingKey;
  }

  public void setSigningKey(KeySource signingKey) {
    this.signingKey = signingKey;
  }

  public ValidatorSpec withSigningKey(KeySource signingKey) {
    this.signingKey = signingKey;
    return this;
  }

  public KeySource getNodeKey() {
    return nodeKey;
  }

  public void setNodeKey(KeySource nodeKey) {
    this.nodeKey = nodeKey;
  }

  public ValidatorSpec withNodeKey(KeySource nodeKey) {
    this.nodeKey = nodeKey;
    return this;
  }
}
