package io.sei.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env) {
    return Main.run(env, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The required settings plus {@code variable=value}. */
  private static Map<String, String> with(String variable, String value) {
    Map<String, String> env = new java.util.HashMap<>(Fixtures.REQUIRED_ENV);
    env.put(variable, value);
    return env;
  }

  @Test
  void aMissingBucketExitsWithTwoAndOneLineNamingIt() {
    assertThat(run(Map.of("SEI_KUBE_RBAC_PROXY_IMAGE", "proxy"))).isEqualTo(2);
    assertThat(stderr().lines())
        .singleElement()
        .asString()
        .startsWith("sei-operator: SEI_GENESIS_BUCKET is required: ");
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anInvalidConfigurationExitsWithTwoAndOneLine() {
    assertThat(run(with("SEI_POLL_INTERVAL", "soon"))).isEqualTo(2);
    assertThat(stderr().lines())
        .containsExactly(
            "sei-operator: SEI_POLL_INTERVAL is invalid: 'soon' must be a positive duration such"
                + " as 100ms, 5s, 1m or 1h");
  }

  @Test
  void aLeaderElectionSwitchOtherThanTrueOrFalseExitsWithTwoAndOneLine() {
    assertThat(run(with("SEI_LEADER_ELECTION", "yes"))).isEqualTo(2);
    assertThat(stderr().lines())
        .containsExactly("sei-operator: SEI_LEADER_ELECTION is invalid: 'yes' (true or false)");
  }
}
