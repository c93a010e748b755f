package io.sei.operator.simulator.rehearse;

import io.sei.operator.simulator.version.SemVer;
import io.sei.operator.simulator.version.VersionSource;

/** Images a rehearsal can run: {@code [registry/]sei-sim:<version>}, the version in the tag. */
final class Images {
  static final String REPOSITORY = "sei-sim";

  private Images() {}

  /** The version an image runs as; an {@link IllegalArgumentException} names what is wrong. */
  static SemVer version(String option, String image) {
    String tag;
    try {
      tag = VersionSource.tagOf(image);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
    String name = image.substring(0, image.length() - tag.length() - 1);
    String repository = name.substring(name.lastIndexOf('/') + 1);
    if (!repository.equals(REPOSITORY)) {
      throw new IllegalArgumentException(
          option
              + ": '"
              + image
              + "' is not a simulator image: the local backend runs "
              + REPOSITORY
              + ":<version> images (e.g. "
              + REPOSITORY
              + ":v6.4.0)");
    }
    try {
      return SemVer.parse(tag);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option + ": the tag of '" + image + "' is not a version (expected e.g. v6.4.0)");
    }
  }
}
