package io.sei.operator.task;

import io.sei.operator.api.Conditions;
import io.sei.operator.planner.task.ValidateSigningKeyParams;
import java.util.List;

/**
 * {@code validate-signing-key}: the Secret holds {@code priv_validator_key.json} in CometBFT shape
 * ({@code address}, {@code pub_key{type,value}}, {@code priv_key{type,value}}). A missing Secret is
 * {@code SigningKeyNotReady} (transient); a missing or malformed key is {@code SigningKeyInvalid}
 * and fails the plan before any pod is cycled.
 */
final class ValidateSigningKey implements TaskExecution<ValidateSigningKeyParams> {
  static final String FILE = "priv_validator_key.json";
  private static final List<String> SHAPE =
      List.of("address", "pub_key.type", "pub_key.value", "priv_key.type", "priv_key.value");

  @Override
  public Progress run(TaskContext context, ValidateSigningKeyParams params) {
    try {
      KeySecrets.check(
          KeySecrets.read(context, params.secretName()), params.secretName(), FILE, SHAPE);
    } catch (KeySecrets.NotReady e) {
      context.condition(
          Conditions.SIGNING_KEY_READY,
          Conditions.FALSE,
          Conditions.REASON_SIGNING_KEY_NOT_READY,
          e.getMessage());
      throw e;
    } catch (TerminalTaskException e) {
      context.condition(
          Conditions.SIGNING_KEY_READY,
          Conditions.FALSE,
          Conditions.REASON_SIGNING_KEY_INVALID,
          e.getMessage());
      throw e;
    }
    context.condition(
        Conditions.SIGNING_KEY_READY,
        Conditions.TRUE,
        Conditions.REASON_SIGNING_KEY_VALIDATED,
        "Secret " + params.secretName() + " holds a well-formed " + FILE);
    return Progress.done();
  }
}
