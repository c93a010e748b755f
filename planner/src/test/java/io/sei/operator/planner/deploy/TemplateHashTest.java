package io.sei.operator.planner.deploy;

import static io.sei.operator.planner.Fixtures.fullNode;
import static io.sei.operator.planner.Fixtures.s3;
import static io.sei.operator.planner.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SidecarSpec;
import io.sei.operator.planner.Fixtures;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateHashTest {
  private static final String BASE = TemplateHash.of(fullNode(s3(10)));

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("image", (UnaryOperator<SeiNodeSpec>) s -> s.withImage("sei:v9"), true),
        Arguments.of(
            "chainId", (UnaryOperator<SeiNodeSpec>) s -> s.withChainId("atlantic-2"), true),
        Arguments.of("snapshot height", (UnaryOperator<SeiNodeSpec>) s -> fullNode(s3(11)), true),
        Arguments.of("mode", (UnaryOperator<SeiNodeSpec>) s -> validator("k"), true),
        Arguments.of(
            "overrides",
            (UnaryOperator<SeiNodeSpec>) s -> s.withOverrides(Map.of("a", "b")),
            false),
        Arguments.of(
            "sidecar",
            (UnaryOperator<SeiNodeSpec>) s -> s.withSidecar(new SidecarSpec().withPort(9000)),
            false),
        Arguments.of(
            "pod labels",
            (UnaryOperator<SeiNodeSpec>) s -> s.withPodLabels(Map.of("x", "y")),
            false),
        Arguments.of(
            "peers",
            (UnaryOperator<SeiNodeSpec>) s -> s.withPeers(Fixtures.staticPeers("a@b:1")),
            false));
  }

  @ParameterizedTest(name = "{0} changes the hash: {2}")
  @MethodSource("edits")
  void onlyRolloutWorthyFieldsChangeTheHash(
      String field, UnaryOperator<SeiNodeSpec> edit, boolean changes) {
    assertThat(!TemplateHash.of(edit.apply(fullNode(s3(10)))).equals(BASE)).isEqualTo(changes);
  }

  @Test
  void hashIsTenHexDigitsAndStable() {
    assertThat(BASE).matches("[0-9a-f]{10}").isEqualTo(TemplateHash.of(fullNode(s3(10))));
  }

  @Test
  void canonicalJsonIgnoresKeyOrder() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(
            TemplateHash.canonical(
                json.readTree("{\"b\":{\"y\":1,\"x\":[{\"q\":1,\"p\":2}]},\"a\":null}")))
        .isEqualTo(
            TemplateHash.canonical(json.readTree("{\"b\":{\"x\":[{\"p\":2,\"q\":1}],\"y\":1}}")))
        .isEqualTo("{\"b\":{\"x\":[{\"p\":2,\"q\":1}],\"y\":1}}");
  }
}
