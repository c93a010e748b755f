package io.sei.operator.task;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sei.operator.testing.Keys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySecretsTest {
  private static final List<String> SHAPE =
      List.of("address", "pub_key.type", "pub_key.value", "priv_key.type", "priv_key.value");

  private static Optional<Secret> secret(String file, String content) {
    return Optional.of(
        new SecretBuilder()
            .withData(
                Map.of(
                    file,
                    Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))))
            .build());
  }

  private static void check(Optional<Secret> secret) {
    KeySecrets.check(secret, "val-key", Keys.SIGNING_KEY_FILE, SHAPE);
  }

  @Test
  void aCometBftKeyFileIsValid() {
    assertThatCode(() -> check(secret(Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY)))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingSecretIsNotReadyYet() {
    assertThatThrownBy(() -> check(Optional.empty()))
        .isInstanceOf(KeySecrets.NotReady.class)
        .hasMessage("Secret val-key does not exist");
  }

  @Test
  void aSecretWithoutTheKeyFileIsTerminal() {
    assertThatThrownBy(() -> check(secret("other.json", Keys.SIGNING_KEY)))
        .isInstanceOf(TerminalTaskException.class)
        .hasMessage("Secret val-key has no key priv_validator_key.json");
  }

  @Test
  void aKeyFileThatIsNotJsonIsTerminal() {
    assertThatThrownBy(() -> check(secret(Keys.SIGNING_KEY_FILE, "-----BEGIN KEY-----")))
        .isInstanceOf(TerminalTaskException.class)
        .hasMessage("Secret val-key key priv_validator_key.json is not a JSON object");
  }

  @Test
  void aMissingFieldIsNamedButNoValueIsQuoted() {
    String noPrivValue =
        "{\"address\":\"SECRETADDR\",\"pub_key\":{\"type\":\"t\",\"value\":\"SECRETPUB\"},"
            + "\"priv_key\":{\"type\":\"t\"}}";
    assertThatThrownBy(() -> check(secret(Keys.SIGNING_KEY_FILE, noPrivValue)))
        .isInstanceOf(TerminalTaskException.class)
        .hasMessage(
            "Secret val-key key priv_validator_key.json lacks the string field priv_key.value")
        .message()
        .doesNotContain("SECRET");
  }
}
