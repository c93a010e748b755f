package io.sei.operator.group;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.KeySource;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.planner.plan.StatusConditions;
import io.sei.operator.planner.task.HandOverValidatorKeysParams;
import io.sei.operator.task.Progress;
import io.sei.operator.task.TerminalTaskException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code hand-over-validator-keys}: waits until no pod of the nodes that held the validator's keys
 * exists (terminating ones included: their seid may still sign), then gives each entrant the
 * template's {@code validator.signingKey} and {@code validator.nodeKey}; the entrant takes them
 * through its own {@code node-update:signing-key} plan. Done when each entrant has observed that
 * edit, runs no plan, is Running and reports {@code SigningKeyReady=True}; a failed update of the
 * entrant fails the rollout with its cause (the entrant keeps the key: it is the only holder).
 */
final class HandOverValidatorKeys {
  Progress run(GroupContext context, HandOverValidatorKeysParams params) {
    List<String> holders = TeardownNodes.livePods(context, params.namespace(), params.fromNodes());
    if (!holders.isEmpty()) {
      return Progress.waiting(
          "the validator keys move once the former holders are gone: "
              + String.join(", ", holders));
    }
    ValidatorSpec template = context.snd().getSpec().getTemplate().getSpec().getValidator();
    if (template == null || template.getSigningKey() == null) {
      throw new TerminalTaskException("the template no longer names a signing key to hand over");
    }
    for (String name : params.nodeNames()) {
      SeiNode node =
          context
              .node(params.namespace(), name)
              .orElseThrow(() -> new TerminalTaskException("entrant SeiNode " + name + " is gone"));
      if (!holdsKeys(node, template)) {
        giveKeys(context, params.namespace(), name, template);
        return Progress.waiting("handed the validator keys to " + name);
      }
      Optional<String> notYet = notSigningYet(node);
      if (notYet.isPresent()) {
        return Progress.waiting(name + " " + notYet.get());
      }
    }
    return Progress.done();
  }

  private static boolean holdsKeys(SeiNode node, ValidatorSpec template) {
    ValidatorSpec validator = node.getSpec().getValidator();
    return validator != null
        && sameSecret(validator.getSigningKey(), template.getSigningKey())
        && sameSecret(validator.getNodeKey(), template.getNodeKey());
  }

  private static boolean sameSecret(KeySource a, KeySource b) {
    return a != null && b != null && Objects.equals(secretName(a), secretName(b));
  }

  private static String secretName(KeySource key) {
    return key.getSecret() == null ? null : key.getSecret().getSecretName();
  }

  private static void giveKeys(
      GroupContext context, String namespace, String name, ValidatorSpec template) {
    context
        .client()
        .resources(SeiNode.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            node -> {
              if (node.getSpec().getValidator() == null) {
                node.getSpec().setValidator(new ValidatorSpec());
              }
              node.getSpec().getValidator().setSigningKey(template.getSigningKey());
              node.getSpec().getValidator().setNodeKey(template.getNodeKey());
              return node;
            });
  }

  /** Why {@code node} does not sign with the keys yet; empty once it does. */
  private static Optional<String> notSigningYet(SeiNode node) {
    SeiNodeStatus status = node.getStatus();
    long generation = Objects.requireNonNullElse(node.getMetadata().getGeneration(), 0L);
    if (status == null
        || status.getObservedGeneration() == null
        || status.getObservedGeneration() < generation) {
      return Optional.of("has not observed the keys yet");
    }
    Optional<Condition> update =
        StatusConditions.find(status.getConditions(), Conditions.NODE_UPDATE_IN_PROGRESS)
            .filter(c -> Conditions.REASON_UPDATE_FAILED.equals(c.getReason()))
            .filter(c -> Objects.equals(c.getObservedGeneration(), generation));
    if (update.isPresent()) {
      throw new TerminalTaskException(
          "SeiNode "
              + node.getMetadata().getName()
              + " failed to take the validator keys: "
              + update.get().getMessage());
    }
    if (status.getPlan() != null || status.getPhase() != NodePhase.Running) {
      return Optional.of("takes the keys (phase " + status.getPhase() + ")");
    }
    boolean keyReady =
        StatusConditions.find(status.getConditions(), Conditions.SIGNING_KEY_READY)
            .filter(c -> Conditions.TRUE.equals(c.getStatus()))
            .isPresent();
    return keyReady ? Optional.empty() : Optional.of("has no ready signing key yet");
  }
}
