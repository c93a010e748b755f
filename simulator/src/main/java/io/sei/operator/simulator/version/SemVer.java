package io.sei.operator.simulator.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version such as {@code v6.4.0} or {@code 6.4.0-rc1}. Missing minor/patch parts count
 * as 0; a pre-release sorts before its release; build metadata is ignored.
 */
public record SemVer(String text, int major, int minor, int patch, String preRelease)
    implements Comparable<SemVer> {

  private static final Pattern FORMAT =
      Pattern.compile(
          "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  public static SemVer parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a semantic version (expected e.g. v6.4.0)");
    }
    return new SemVer(
        text.trim(),
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
        m.group(4) == null ? "" : m.group(4));
  }

  public boolean atLeast(SemVer other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c == 0 && !preRelease.equals(o.preRelease)) {
      if (preRelease.isEmpty()) {
        return 1;
      }
      if (o.preRelease.isEmpty()) {
        return -1;
      }
      c = preRelease.compareTo(o.preRelease);
    }
    return c;
  }

  @Override
  public String toString() {
    return text;
  }
}
