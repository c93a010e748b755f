package io.sei.operator.e2e.backend;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this checkout (the chart, the simulator and operator images). */
public final class RepoFiles {
  private RepoFiles() {}

  /** The repository root: system property {@code sei.repo.root} (set by the build), else "..". */
  public static Path root() {
    String configured = System.getProperty("sei.repo.root");
    Path root = Path.of(configured == null || configured.isBlank() ? ".." : configured);
    if (!Files.isDirectory(root.resolve("deploy"))) {
      throw new IllegalStateException(
          "not the repository root (no deploy/): " + root.toAbsolutePath());
    }
    return root.toAbsolutePath().normalize();
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }
}
