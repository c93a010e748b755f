package io.sei.operator.simulator.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.simulator.rehearse.Report.Expectation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @Test
  void writesBothFilesAndTheJsonCarriesEverySection(@TempDir Path dir) throws Exception {
    Report report = SampleReports.hardFork(Report.PASSED, SampleReports.allMet());

    ReportWriter.write(report, dir.resolve("out"));

    assertThat(dir.resolve("out/report.html")).isRegularFile();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    assertThat(json.path("scenario").asText()).isEqualTo("hard-fork");
    assertThat(json.path("outcome").asText()).isEqualTo("passed");
    assertThat(json.path("failures")).isEmpty();
    assertThat(json.path("changeAt").asLong()).isEqualTo(5_000);
    JsonNode incumbent = json.path("nodes").get(0);
    assertThat(incumbent.path("name").asText()).isEqualTo("pacific-g1-0");
    assertThat(incumbent.path("role").asText()).isEqualTo("incumbent");
    assertThat(incumbent.path("downtimeMs").asLong()).isEqualTo(3_800);
    assertThat(incumbent.path("heights")).hasSize(4);
    assertThat(incumbent.path("heights").get(3).has("height"))
        .as("a gap keeps its null height")
        .isTrue();
    assertThat(incumbent.path("heights").get(3).path("height").isNull()).isTrue();
    assertThat(incumbent.path("events").get(1).path("kind").asText()).isEqualTo("crash");
    assertThat(json.path("services").get(0).path("downtimeMs").asLong()).isEqualTo(2_800);
    assertThat(json.path("doubleSign").isArray()).isTrue();
    assertThat(json.path("doubleSign")).isEmpty();
    JsonNode tasks = json.path("plans").get(0).path("tasks");
    assertThat(tasks.get(1).path("type").asText()).isEqualTo("teardown-nodes");
    assertThat(tasks.get(1).path("durationMs").asLong()).isEqualTo(1_500);
    assertThat(tasks.get(1).path("completionObserved").asBoolean()).isTrue();
    assertThat(json.path("chain").path("halts").get(0).path("to").asLong()).isEqualTo(12_000);
    assertThat(json.path("crashes").get(0).path("expected").asBoolean()).isTrue();
    assertThat(json.path("signing").get(0).path("missed").asLong()).isZero();
  }

  @Test
  void aFailedReportListsOneLinePerExpectationNotMet(@TempDir Path dir) throws Exception {
    Report report =
        SampleReports.hardFork(
            Report.FAILED,
            List.of(
                new Expectation("rollout-complete", "Ready", false, "Degraded: crash-loops"),
                new Expectation("no-double-sign", "no evidence", true, "no evidence")));

    ReportWriter.write(report, dir);

    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));
    assertThat(json.path("outcome").asText()).isEqualTo("failed");
    assertThat(json.path("failures")).hasSize(1);
    assertThat(json.path("failures").get(0).asText())
        .isEqualTo("rollout-complete: Degraded: crash-loops");
    assertThat(report.passed()).isFalse();
  }
}
