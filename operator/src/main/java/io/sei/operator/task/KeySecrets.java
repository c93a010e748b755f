package io.sei.operator.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.NodePhase;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reading a validator key file out of a Secret and checking its CometBFT shape. Messages name the
 * Secret, the key and the missing field, never a value: key material stays out of conditions,
 * events and logs.
 */
final class KeySecrets {
  private KeySecrets() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Secret is missing or lacks the key: the condition's NotReady reason, retried later. */
  static final class NotReady extends RuntimeException {
    NotReady(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code secret} holds {@code fileName} as a JSON object whose {@code requiredPaths}
   * (dotted, e.g. {@code pub_key.value}) are non-empty strings.
   *
   * @throws NotReady when the Secret does not exist
   * @throws TerminalTaskException when the key is missing or not of the expected shape
   */
  static void check(
      Optional<Secret> secret, String secretName, String fileName, List<String> requiredPaths) {
    if (secret.isEmpty()) {
      throw new NotReady("Secret " + secretName + " does not exist");
    }
    String encoded =
        Optional.ofNullable(secret.get().getData()).map(d -> d.get(fileName)).orElse(null);
    if (encoded == null) {
      throw new TerminalTaskException("Secret " + secretName + " has no key " + fileName);
    }
    JsonNode json;
    try {
      json = JSON.readTree(Base64.getDecoder().decode(encoded));
    } catch (IOException | IllegalArgumentException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw new TerminalTaskException(
          "Secret " + secretName + " key " + fileName + " is not a JSON object");
    }
    for (String path : requiredPaths) {
      JsonNode value = json;
      for (String field : path.split("\\.")) {
        value = value.path(field);
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        throw new TerminalTaskException(
            "Secret " + secretName + " key " + fileName + " lacks the string field " + path);
      }
    }
  }

  /**
   * One kind of key Secret: the file it must hold, the JSON fields that file needs, and the
   * condition (with its three reasons) that reports on it.
   */
  record Key(
      String file,
      List<String> shape,
      String condition,
      String validated,
      String notReady,
      String invalid) {}

  /**
   * Checks the Secret named {@code secretName} against {@code key} and records the key's condition:
   * missing → not ready (waited for while the node initializes; a failure of a node update, which
   * must not cycle a Running pod towards a key that is not there), malformed → invalid (terminal),
   * else validated.
   */
  static Progress validate(TaskContext context, String secretName, Key key) {
    try {
      check(read(context, secretName), secretName, key.file(), key.shape());
    } catch (NotReady e) {
      context.condition(key.condition(), Conditions.FALSE, key.notReady(), e.getMessage());
      if (initializing(context)) {
        // A validator may be created before its key Secrets: its first start waits for them.
        return Progress.waiting(e.getMessage() + " yet: create it and the node carries on");
      }
      throw e;
    } catch (TerminalTaskException e) {
      context.condition(key.condition(), Conditions.FALSE, key.invalid(), e.getMessage());
      throw e;
    }
    context.condition(
        key.condition(),
        Conditions.TRUE,
        key.validated(),
        "Secret " + secretName + " holds a well-formed " + key.file());
    return Progress.done();
  }

  /** The node has never run: its plan is an init or bootstrap plan. */
  private static boolean initializing(TaskContext context) {
    NodePhase phase = context.status() == null ? null : context.status().getPhase();
    return phase == null || phase == NodePhase.Pending || phase == NodePhase.Initializing;
  }

  /**
   * The {@code address} of the signing key in {@code secret} (upper-cased hex), empty when it holds
   * no readable key file.
   */
  static Optional<String> address(Secret secret) {
    return Optional.ofNullable(secret.getData())
        .map(d -> d.get(ValidateSigningKey.FILE))
        .flatMap(
            encoded -> {
              try {
                return Optional.of(JSON.readTree(Base64.getDecoder().decode(encoded)));
              } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
              }
            })
        .map(json -> json.path("address").asText(""))
        .filter(a -> !a.isBlank())
        .map(a -> a.toUpperCase(java.util.Locale.ROOT));
  }

  static Optional<Secret> read(TaskContext context, String secretName) {
    return Optional.ofNullable(
        context
            .services()
            .client()
            .secrets()
            .inNamespace(context.namespace())
            .withName(secretName)
            .get());
  }
}
