package io.sei.operator.api;

import io.sei.operator.testing.RepoFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CommittedCrdsTest {
  static final java.util.List<String> FILES = GeneratedCrds.FILES;

  @ParameterizedTest
  @FieldSource("FILES")
  void committedCrdMatchesAFreshGeneration(String file) {
    RepoFiles.assertCommittedCopy(
        "deploy/crds/" + file.replace("-v1.yml", ".yaml"), GeneratedCrds.text(file));
  }
}
