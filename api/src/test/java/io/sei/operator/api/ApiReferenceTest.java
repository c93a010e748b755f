package io.sei.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.testing.RepoFiles;
import org.junit.jupiter.api.Test;

class ApiReferenceTest {

  @Test
  void committedApiReferenceMatchesTheCrds() {
    RepoFiles.assertCommittedCopy("docs/api.md", ApiReference.render());
  }

  @Test
  void everyConditionTypeAndReasonIsDocumented() {
    String doc = ApiReference.render();
    assertThat(ApiReference.conditionConstants())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(doc).contains("`" + c + "`"));
  }
}
