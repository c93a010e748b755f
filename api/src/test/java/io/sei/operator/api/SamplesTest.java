package io.sei.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The samples in docs/samples are what users copy: each must load into the model losslessly. */
class SamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(RepoFiles.root().resolve("docs/samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theFourDocumentedSamplesExist() throws IOException {
    assertThat(samples().map(p -> p.getFileName().toString()))
        .contains(
            "fullnode-bootstrap-s3.yaml",
            "validator-observer.yaml",
            "validator-with-keys.yaml",
            "seinodedeployment-hardfork.yaml");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleRoundTripsThroughTheModelWithoutLoss(Path sample) throws IOException {
    String yaml = Files.readString(sample);
    Map<?, ?> raw = Serialization.unmarshal(yaml, Map.class);
    Class<? extends HasMetadata> type =
        "SeiNodeDeployment".equals(raw.get("kind")) ? SeiNodeDeployment.class : SeiNode.class;

    HasMetadata model = Serialization.unmarshal(yaml, type);
    JsonNode back = JSON.readTree(Serialization.asJson(model));

    assertThat(back).isEqualTo(JSON.valueToTree(raw));
  }

  @ParameterizedTest
  @MethodSource("samples")
  @SuppressWarnings("unchecked")
  void samplePassesEveryAdmissionRule(Path sample) throws IOException {
    Map<String, Object> raw = Serialization.unmarshal(Files.readString(sample), Map.class);
    List<CelAdmission.Violation> violations =
        CelAdmission.forKind((String) raw.get("kind")).validate(raw, null);
    assertThat(violations).isEmpty();
  }
}
