package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar sei-sim.jar chain|seid start|sidecar …}: one simulated process per JVM. SIGTERM
 * stops it gracefully. The only place that exits the JVM.
 */
public final class Main {

  /**
   * How long SIGTERM waits for the process to end: {@code rehearse} and {@code cluster up} stop an
   * operator, a kubelet and a control plane, which takes seconds.
   */
  private static final long STOP_GRACE_SECONDS = 30;

  private Main() {}

  public static void main(String[] args) {
    SimProcess process = SimLauncher.create(List.of(args), SimContext.system());
    CountDownLatch exited = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.stop();
                  try {
                    exited.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "sim-shutdown"));
    int code = process.run();
    exited.countDown();
    System.exit(code);
  }
}
