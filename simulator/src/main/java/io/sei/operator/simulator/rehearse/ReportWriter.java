package io.sei.operator.simulator.rehearse;

import io.sei.operator.simulator.net.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.json} and {@code report.html} into a directory. */
public final class ReportWriter {
  public static final String JSON = "report.json";
  public static final String HTML = "report.html";

  private ReportWriter() {}

  public static void write(Report report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve(JSON), Json.bytes(report));
    Files.writeString(dir.resolve(HTML), ReportHtml.render(report), StandardCharsets.UTF_8);
  }
}
