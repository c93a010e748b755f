package io.sei.operator.simulator.proc;

/** Exit codes of the simulated processes, chosen to match what the real ones return. */
public final class ExitCodes {

  /** Clean exit, e.g. {@code seid} reached {@code --halt-height}. */
  public static final int OK = 0;

  /** Configuration error (no version, no peers, unreadable key, port in use). */
  public static final int ERROR = 1;

  /** A Go panic: upgrade needed, binary ahead of the trigger, store mismatch, injected crash. */
  public static final int PANIC = 2;

  /** Bad command line (picocli usage error). */
  public static final int USAGE = 2;

  /** {@code --halt-height} is behind the height already committed in the data directory. */
  public static final int HALT_BEHIND_DATA = 130;

  /** Stopped by {@link SimProcess#stop()}, as a process ends on SIGTERM (128 + 15). */
  public static final int STOPPED = 143;

  private ExitCodes() {}
}
