package io.sei.operator.simulator.faults;

/**
 * Faults of the simulated {@code seid}; a null field is "not set".
 *
 * @param crashAtHeight panic instead of committing this height
 * @param crashOnUpgrade panic at an upgrade height even with the handler
 * @param stallAtHeight stop advancing once this height is committed (alive, serving status)
 * @param syncIntervalMs time per block while syncing (slow sync)
 * @param crashOnStart panic right after starting
 */
public record SeidFaults(
    Long crashAtHeight,
    Boolean crashOnUpgrade,
    Long stallAtHeight,
    Long syncIntervalMs,
    Boolean crashOnStart) {

  public static final SeidFaults NONE = new SeidFaults(null, null, null, null, null);

  /** This, with every field set in {@code over} replaced. */
  public SeidFaults with(SeidFaults over) {
    if (over == null) {
      return this;
    }
    return new SeidFaults(
        pick(over.crashAtHeight, crashAtHeight),
        pick(over.crashOnUpgrade, crashOnUpgrade),
        pick(over.stallAtHeight, stallAtHeight),
        pick(over.syncIntervalMs, syncIntervalMs),
        pick(over.crashOnStart, crashOnStart));
  }

  public boolean crashesAt(long height) {
    return crashAtHeight != null && crashAtHeight == height;
  }

  public boolean stallsAt(long committed) {
    return stallAtHeight != null && committed >= stallAtHeight;
  }

  public boolean crashesOnUpgrade() {
    return Boolean.TRUE.equals(crashOnUpgrade);
  }

  public boolean crashesOnStart() {
    return Boolean.TRUE.equals(crashOnStart);
  }

  static <T> T pick(T over, T base) {
    return over != null ? over : base;
  }
}
