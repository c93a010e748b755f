package io.sei.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.testing.RepoFiles;
import org.junit.jupiter.api.Test;

/** The configuration table of docs/operator.md is generated from {@link PlatformConfig#OPTIONS}. */
class OperatorDocsTest {
  private static final String DOC = "docs/operator.md";
  private static final String BEGIN = "<!-- platform-config:begin -->\n";
  private static final String END = "<!-- platform-config:end -->";

  static String table() {
    StringBuilder table = new StringBuilder("| variable | default | meaning |\n|---|---|---|\n");
    for (ConfigOption<?> option : PlatformConfig.OPTIONS) {
      String defaultValue =
          option.isRequired()
              ? "**required**"
              : option.defaultValue().isEmpty() ? "_(empty)_" : "`" + option.defaultValue() + "`";
      table
          .append("| `")
          .append(option.variable())
          .append("` | ")
          .append(defaultValue)
          .append(" | ")
          .append(option.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return table.toString();
  }

  @Test
  void theConfigurationTableListsEveryOption() {
    String doc = RepoFiles.read(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("%s has the markers of the generated table", DOC).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String fresh = doc.substring(0, begin + BEGIN.length()) + table() + doc.substring(end);
    RepoFiles.assertCommittedCopy(DOC, fresh);
  }

  @Test
  void theTableNamesEveryVariable() {
    assertThat(PlatformConfig.OPTIONS)
        .allSatisfy(o -> assertThat(table()).contains("| `" + o.variable() + "` |"));
  }
}
