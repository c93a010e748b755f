package io.sei.operator.simulator.cluster;

/**
 * Started in a child JVM by {@link NoOrphansIT}: brings a control plane up, prints the process ids
 * it started, then waits to be killed or told to exit.
 */
public final class ControlPlaneMain {
  private ControlPlaneMain() {}

  public static void main(String[] args) throws Exception {
    LocalControlPlane cp = LocalControlPlane.start(System.err);
    StringBuilder line = new StringBuilder("PIDS");
    cp.processIds().forEach(pid -> line.append(' ').append(pid));
    System.out.println(line);
    System.out.flush();
    // "exit" on stdin ends the JVM normally (shutdown hook); otherwise the test kills it.
    if (new java.util.Scanner(System.in).nextLine().equals("exit")) {
      System.exit(0);
    }
  }
}
