package io.sei.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the repository that tests compare against: committed copies of generated artifacts
 * (CRDs, reference docs). Run the build with {@code -Dsei.golden.update=true} to rewrite them.
 */
final class RepoFiles {
  private RepoFiles() {}

  static Path root() {
    String configured = System.getProperty("sei.repo.root");
    Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("api"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + dir);
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the committed file equals {@code fresh}, or rewrites it when updating golden files. */
  static void assertCommittedCopy(String relativePath, String fresh) {
    Path committed = root().resolve(relativePath);
    if (Boolean.getBoolean("sei.golden.update")) {
      try {
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, fresh);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(committed)
        .as(
            "%s is missing; generate it with ./mvnw -pl api verify -Dsei.golden.update=true",
            relativePath)
        .exists();
    assertThat(read(committed))
        .as(
            "%s differs from a fresh generation; regenerate it with"
                + " ./mvnw -pl api verify -Dsei.golden.update=true and commit the result",
            relativePath)
        .isEqualTo(fresh);
  }
}
