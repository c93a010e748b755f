package io.sei.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the repository that tests of every module compare against: committed CRDs, generated
 * docs, golden files, chart copies. Run the build with {@code -Dsei.golden.update=true} to rewrite
 * them. Shared through the api test-jar.
 */
public final class RepoFiles {
  private RepoFiles() {}

  private static final String REGENERATE =
      "./mvnw -B verify -Dsei.golden.update=true (or -pl <module> for one module)";

  public static Path root() {
    String configured = System.getProperty("sei.repo.root");
    Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("api"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + dir);
  }

  public static String read(String relativePath) {
    try {
      return Files.readString(root().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when this build rewrites committed copies instead of comparing them. */
  public static boolean updating() {
    return Boolean.getBoolean("sei.golden.update");
  }

  /** Asserts the committed file equals {@code fresh}, or rewrites it when updating. */
  public static void assertCommittedCopy(String relativePath, String fresh) {
    Path committed = root().resolve(relativePath);
    if (updating()) {
      try {
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, fresh);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(committed)
        .as("%s is missing; generate it with %s", relativePath, REGENERATE)
        .exists();
    assertThat(read(relativePath))
        .as(
            "%s differs from a fresh rendering; if the change is intended, regenerate with %s and"
                + " review the diff",
            relativePath, REGENERATE)
        .isEqualTo(fresh);
  }
}
