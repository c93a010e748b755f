package io.sei.operator.task;

import io.sei.operator.api.Conditions;
import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.task.ValidateSigningKeyParams;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate-signing-key}: the Secret holds {@code priv_validator_key.json} in CometBFT shape
 * ({@code address}, {@code pub_key{type,value}}, {@code priv_key{type,value}}). A missing Secret is
 * {@code SigningKeyNotReady}: waited for while the node initializes, a failure of a node update; a
 * missing or malformed key is {@code SigningKeyInvalid} and fails the plan before any pod is
 * cycled. A key another SeiNode holds ({@link SigningKeyHolders}) is {@code SigningKeyHeld}, naming
 * the holder: waited for, and no pod of this node mounts the key meanwhile (the StatefulSet is
 * applied later in the plan).
 */
final class ValidateSigningKey implements TaskExecution<ValidateSigningKeyParams> {
  static final String FILE = "priv_validator_key.json";
  private static final KeySecrets.Key KEY =
      new KeySecrets.Key(
          FILE,
          List.of("address", "pub_key.type", "pub_key.value", "priv_key.type", "priv_key.value"),
          Conditions.SIGNING_KEY_READY,
          Conditions.REASON_SIGNING_KEY_VALIDATED,
          Conditions.REASON_SIGNING_KEY_NOT_READY,
          Conditions.REASON_SIGNING_KEY_INVALID);

  @Override
  public Progress run(TaskContext context, ValidateSigningKeyParams params) {
    Progress validated = KeySecrets.validate(context, params.secretName(), KEY);
    if (!(validated instanceof Progress.Done)) {
      return validated;
    }
    Optional<SeiNode> holder = SigningKeyHolders.holder(context, params.secretName());
    if (holder.isEmpty()) {
      return validated;
    }
    String message =
        "the signing key of Secret "
            + params.secretName()
            + " is held by SeiNode "
            + holder.get().getMetadata().getName()
            + ": one key signs from one node at a time, so this node takes it only once that node"
            + " is deleted and its pod gone (or no longer names the key)";
    context.condition(
        Conditions.SIGNING_KEY_READY,
        Conditions.FALSE,
        Conditions.REASON_SIGNING_KEY_HELD,
        message);
    return Progress.waiting(message);
  }
}
