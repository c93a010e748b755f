package io.sei.operator.planner.task;

/**
 * Params of {@code await-bootstrap-complete}: waits until the bootstrap Job ended as it should —
 * seid halted at the height (the Job succeeded), or, with {@code upgradeName}, seid stopped for
 * that upgrade at {@code upgradeHeight} ({@code UPGRADE "<name>" NEEDED at height: <height>}, the
 * Job failed with exactly that panic). Any other end fails the plan.
 *
 * @param upgradeName the chain's upgrade the bootstrap runs into, or null
 * @param upgradeHeight its height (0 without an upgrade)
 */
public record AwaitBootstrapCompleteParams(String upgradeName, long upgradeHeight)
    implements TaskParams {
  public AwaitBootstrapCompleteParams {
    upgradeName = upgradeName == null || upgradeName.isBlank() ? null : upgradeName;
    if (upgradeName != null) {
      Require.atLeast(upgradeHeight, 2, "upgradeHeight");
    }
  }

  /** A bootstrap that halts cleanly at its height. */
  public static AwaitBootstrapCompleteParams halting() {
    return new AwaitBootstrapCompleteParams(null, 0);
  }
}
