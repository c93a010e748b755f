package io.sei.operator.simulator.proc;

/**
 * One simulated process (a chain, a {@code seid}, a sidecar): {@link #run()} blocks until it exits
 * and returns its exit code; {@link #stop()} is the SIGTERM equivalent, callable from any thread,
 * after which {@link #run()} returns promptly with every listener and thread of the process closed.
 *
 * <p>Processes never call {@code System.exit} and share no mutable state, so many can run in one
 * JVM (see {@link RunningProcess}).
 */
public interface SimProcess {

  int run();

  void stop();

  /** A process that has already exited with {@code code} (usage errors, {@code --help}). */
  static SimProcess exited(int code) {
    return new SimProcess() {
      @Override
      public int run() {
        return code;
      }

      @Override
      public void stop() {}
    };
  }
}
