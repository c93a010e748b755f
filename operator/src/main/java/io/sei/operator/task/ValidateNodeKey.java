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
  private static final List<String> SHAPE = List.of("priv_key.type", "priv_key.value");

  @Override
  public Progress run(TaskContext context, ValidateNodeKeyParams params) {
    try {
      KeySecrets.check(
          KeySecrets.read(context, params.secretName()), params.secretName(), FILE, SHAPE);
    } catch (KeySecrets.NotReady e) {
      context.condition(
          Conditions.NODE_KEY_READY,
          Conditions.FALSE,
          Conditions.REASON_NODE_KEY_NOT_READY,
          e.getMessage());
      throw e;
    } catch (TerminalTaskException e) {
      context.condition(
          Conditions.NODE_KEY_READY,
          Conditions.FALSE,
          Conditions.REASON_NODE_KEY_INVALID,
          e.getMessage());
      throw e;
    }
    context.condition(
        Conditions.NODE_KEY_READY,
        Conditions.TRUE,
        Conditions.REASON_NODE_KEY_VALIDATED,
        "Secret " + params.secretName() + " holds a well-formed " + FILE);
    return Progress.done();
  }
}
