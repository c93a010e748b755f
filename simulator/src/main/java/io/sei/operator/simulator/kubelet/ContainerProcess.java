package io.sei.operator.simulator.kubelet;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One running container, in-process or a real OS process.
 *
 * @param exit completes with the exit code
 * @param terminator SIGTERM, then SIGKILL once the given grace period has passed
 */
record ContainerProcess(CompletableFuture<Integer> exit, Consumer<Duration> terminator) {

  /** Stops the container within {@code grace}; returns once it has exited. */
  void stop(Duration grace) {
    terminator.accept(grace);
    exit.join();
  }
}
