package io.sei.operator.task;

import io.sei.operator.api.Conditions;
import io.sei.operator.planner.task.ValidateSigningKeyParams;
import java.util.List;

/**
 * {@code validate-signing-key}: the Secret holds {@code priv_validator_key.json} in CometBFT shape
 * ({@code address}, {@code pub_key{type,value}}, {@code priv_key{type,value}}). A missing Secret is
 * {@code SigningKeyNotReady}: waited for while the node initializes, a failure of a node update; a
 * missing or malformed key is {@code SigningKeyInvalid} and fails the plan before any pod is
 * cycled.
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
    return KeySecrets.validate(context, params.secretName(), KEY);
  }
}
