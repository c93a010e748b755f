package io.sei.operator.simulator.proc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The stop request of one process: waits that end early when the process is asked to stop. */
public final class StopSignal {

  private final CountDownLatch latch = new CountDownLatch(1);

  public void raise() {
    latch.countDown();
  }

  /** Waits {@code millis}; returns true when the process was asked to stop. */
  public boolean await(long millis) {
    try {
      return latch.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Waits until the process is asked to stop. */
  public void await() {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
