package io.sei.operator.simulator.chain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sei.operator.simulator.version.SemVer;

/**
 * One planned upgrade: binaries whose version is at least {@code name} have its handler; {@code
 * addsStores} upgrades add stores and need the {@code upgrade-info.json} the old binary wrote.
 */
public record Upgrade(String name, long height, boolean addsStores) {

  /** Parses {@code NAME@HEIGHT} or {@code NAME@HEIGHT+stores}. */
  public static Upgrade parse(String spec) {
    int at = spec.lastIndexOf('@');
    if (at <= 0) {
      throw new IllegalArgumentException(
          "upgrade '" + spec + "' must be NAME@HEIGHT or NAME@HEIGHT+stores");
    }
    String name = spec.substring(0, at);
    String heightText = spec.substring(at + 1);
    boolean addsStores = heightText.endsWith("+stores");
    if (addsStores) {
      heightText = heightText.substring(0, heightText.length() - "+stores".length());
    }
    long height;
    try {
      height = Long.parseLong(heightText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("upgrade '" + spec + "' has a bad height");
    }
    if (height < 2) {
      throw new IllegalArgumentException("upgrade '" + spec + "' must be at height 2 or above");
    }
    SemVer.parse(name);
    return new Upgrade(name, height, addsStores);
  }

  @JsonIgnore
  public SemVer version() {
    return SemVer.parse(name);
  }

  /** Whether a binary of {@code binary} version has this upgrade's handler. */
  public boolean handledBy(SemVer binary) {
    return binary.atLeast(version());
  }
}
