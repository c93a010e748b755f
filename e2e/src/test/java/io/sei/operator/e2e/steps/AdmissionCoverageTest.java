package io.sei.operator.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * admission.feature covers every admission rule of the CRDs, and every phrase in its tables has a
 * spec behind it (a phrase without one would only fail when the cluster runs).
 */
class AdmissionCoverageTest {
  private static final List<String> CRDS =
      List.of(
          "/META-INF/fabric8/seinodes.sei.io-v1.yml",
          "/META-INF/fabric8/seinodedeployments.sei.io-v1.yml");

  @Test
  void everyRuleOfTheCrdsIsRefusedWithItsMessageInTheFeature() throws IOException {
    Set<String> messages = new TreeSet<>();
    for (String crd : CRDS) {
      try (InputStream in = AdmissionCoverageTest.class.getResourceAsStream(crd)) {
        collectMessages(new ObjectMapper(new YAMLFactory()).readTree(in), messages);
      }
    }
    assertThat(messages).hasSizeGreaterThanOrEqualTo(10);
    List<String> refusedWith = column("message");
    assertThat(messages).allSatisfy(m -> assertThat(refusedWith).contains(m));
  }

  @Test
  void everyPhraseOfTheFeatureHasASpec() throws IOException {
    List<String> phrases = new ArrayList<>(column("violation"));
    phrases.addAll(column("spec"));
    assertThat(phrases)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(AdmissionSpecs.BY_PHRASE).containsKey(p));
    assertThat(AdmissionSpecs.BY_PHRASE.keySet())
        .as("specs no scenario uses")
        .containsExactlyInAnyOrderElementsOf(phrases.stream().distinct().toList());
  }

  private static void collectMessages(JsonNode node, Set<String> messages) {
    JsonNode rules = node.get("x-kubernetes-validations");
    if (rules != null) {
      rules.forEach(r -> messages.add(r.path("message").asText()));
    }
    node.forEach(child -> collectMessages(child, messages));
  }

  /** The cells of the column {@code name} in every Examples table of admission.feature. */
  private static List<String> column(String name) throws IOException {
    String feature;
    try (InputStream in =
        AdmissionCoverageTest.class.getResourceAsStream("/features/admission.feature")) {
      feature = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> cells = new ArrayList<>();
    int index = -1;
    for (String line : feature.lines().map(String::trim).toList()) {
      if (!line.startsWith("|")) {
        index = -1;
        continue;
      }
      List<String> row =
          Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
              .map(String::trim)
              .toList();
      if (index == -1) {
        index = row.indexOf(name);
        index = index == -1 ? -2 : index;
      } else if (index >= 0) {
        cells.add(row.get(index));
      }
    }
    return cells;
  }
}
