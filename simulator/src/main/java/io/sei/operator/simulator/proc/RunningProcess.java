package io.sei.operator.simulator.proc;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link SimProcess} running on its own daemon thread: what the simulated kubelet holds for one
 * container.
 */
public final class RunningProcess {

  private final SimProcess process;
  private final Thread thread;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private RunningProcess(String name, SimProcess process) {
    this.process = process;
    this.thread =
        new Thread(
            () -> {
              try {
                exit.complete(process.run());
              } catch (RuntimeException | Error e) {
                exit.complete(ExitCodes.PANIC);
                throw e;
              }
            },
            name);
    thread.setDaemon(true);
  }

  /** Starts {@code process} on a daemon thread called {@code name}. */
  public static RunningProcess start(String name, SimProcess process) {
    RunningProcess running = new RunningProcess(name, process);
    running.thread.start();
    return running;
  }

  /** Completes with the exit code. */
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  /** The exit code, or empty when still running after {@code timeout}. */
  public OptionalInt awaitExit(Duration timeout) {
    try {
      return OptionalInt.of(exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    } catch (ExecutionException e) {
      return OptionalInt.of(ExitCodes.PANIC);
    }
  }

  /**
   * SIGTERM, then after {@code grace} an interrupt of the process thread (SIGKILL); returns the
   * exit code, or empty if the thread still did not end.
   */
  public OptionalInt stop(Duration grace) {
    process.stop();
    OptionalInt code = awaitExit(grace);
    if (code.isPresent()) {
      return code;
    }
    thread.interrupt();
    return awaitExit(Duration.ofSeconds(1));
  }
}
