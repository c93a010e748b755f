package io.sei.operator.simulator.kubelet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands each pod its own loopback address, 127.1.0.1 upwards (never 127.0.0.1, which stays the
 * host's: a simulated chain or the operator listen there). Released addresses are reused last.
 */
final class PodAddresses {
  private final Set<String> inUse = new HashSet<>();
  private final Deque<String> released = new ArrayDeque<>();
  private int next = 1;

  synchronized String allocate() {
    String ip = released.isEmpty() ? fresh() : released.pollFirst();
    inUse.add(ip);
    return ip;
  }

  private String fresh() {
    int n = next++;
    if (n >= 1 << 16) {
      throw new IllegalStateException("out of pod addresses in 127.1.0.0/16");
    }
    return "127.1." + (n >> 8) + "." + (n & 0xff);
  }

  synchronized void release(String ip) {
    if (ip != null && inUse.remove(ip)) {
      released.addLast(ip);
    }
  }
}
