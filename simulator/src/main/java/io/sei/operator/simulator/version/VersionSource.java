package io.sei.operator.simulator.version;

import java.util.Map;

/**
 * Where a simulated binary learns its version: {@code --version}, else {@value #VERSION_ENV}, else
 * the tag of the image reference in {@value #IMAGE_ENV} ({@code registry.example/sei-sim:v6.4.0}
 * runs as {@code v6.4.0}).
 */
public final class VersionSource {

  public static final String VERSION_ENV = "SEI_SIM_VERSION";
  public static final String IMAGE_ENV = "SEI_SIM_IMAGE";

  private VersionSource() {}

  /** The version, or an {@link IllegalArgumentException} saying why none can be had. */
  public static SemVer resolve(String flag, Map<String, String> env) {
    if (flag != null && !flag.isBlank()) {
      return SemVer.parse(flag);
    }
    String fromEnv = env.get(VERSION_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return SemVer.parse(fromEnv);
    }
    String image = env.get(IMAGE_ENV);
    if (image != null && !image.isBlank()) {
      return SemVer.parse(tagOf(image));
    }
    throw new IllegalArgumentException(
        "no version: pass --version, or set " + VERSION_ENV + " or " + IMAGE_ENV);
  }

  /** The tag of an image reference; a digest reference or a missing tag is an error. */
  public static String tagOf(String imageRef) {
    String ref = imageRef.trim();
    if (ref.contains("@")) {
      throw new IllegalArgumentException(
          "image reference '"
              + ref
              + "' is pinned by digest, so it carries no version: pass --version or set "
              + VERSION_ENV);
    }
    int colon = ref.lastIndexOf(':');
    if (colon <= ref.lastIndexOf('/')) {
      throw new IllegalArgumentException(
          "image reference '"
              + ref
              + "' has no tag, so it carries no version: pass --version or set "
              + VERSION_ENV);
    }
    return ref.substring(colon + 1);
  }
}
