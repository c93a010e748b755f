package io.sei.operator.task;

import io.sei.operator.api.Conditions;
import io.sei.operator.planner.task.ValidateNodeKeyParams;
import java.util.List;

/**
 * {@code validate-node-key}: the Secret holds {@code node_key.json} ({@code priv_key{type,value}});
 * reported as {@code NodeKeyReady} like the signing key.
 */
final class ValidateNodeKey implements TaskExecution<ValidateNodeKeyParams> {
  private static final String FILE = "node_key.json";
  private static final KeySecrets.Key KEY =
      new KeySecrets.Key(
          FILE,
          List.of("priv_key.type", "priv_key.value"),
          Conditions.NODE_KEY_READY,
          Conditions.REASON_NODE_KEY_VALIDATED,
          Conditions.REASON_NODE_KEY_NOT_READY,
          Conditions.REASON_NODE_KEY_INVALID);

  @Override
  public Progress run(TaskContext context, ValidateNodeKeyParams params) {
    return KeySecrets.validate(context, params.secretName(), KEY);
  }
}
