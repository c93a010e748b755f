package io.sei.operator.simulator.kubelet;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One running container, in-process or a real OS process. */
interface ContainerProcess {
  /** Completes with the exit code. */
  CompletableFuture<Integer> exit();

  /** SIGTERM, then after {@code grace} SIGKILL; returns once the container has exited. */
  void stop(Duration grace);
}
