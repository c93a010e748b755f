package io.sei.operator.simulator.kubelet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands each pod its own loopback address from a {@code 127.N.0.0/16} block that this kubelet holds
 * alone: blocks are claimed with an OS file lock, so two kubelets on one machine (tests and a
 * rehearsal, two test JVMs) never give two pods one address, and a crashed kubelet's block frees
 * itself. Block 0 is never used: 127.0.0.1 stays the host's (a simulated chain, the operator).
 * Released addresses are reused only once the block is used up.
 */
final class PodAddresses implements AutoCloseable {
  private static final Path LOCKS =
      Path.of(System.getProperty("java.io.tmpdir"), "sei-sim-kubelet-blocks");

  private final int block;
  private final FileChannel channel;
  private final FileLock lock;
  private final Set<String> inUse = new HashSet<>();
  private final Deque<String> released = new ArrayDeque<>();

  /** Host part 0xffff (x.x.255.255) is never handed out. */
  private static final int LAST = (1 << 16) - 1;

  private int next = 1;

  private PodAddresses(int block, FileChannel channel, FileLock lock) {
    this.block = block;
    this.channel = channel;
    this.lock = lock;
  }

  /** Claims the first free block of 127.1.0.0/16 … 127.254.0.0/16. */
  static PodAddresses claim() {
    try {
      Files.createDirectories(LOCKS);
      for (int block = 1; block < 255; block++) {
        FileChannel channel =
            FileChannel.open(
                LOCKS.resolve("127." + block + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
          lock = null;
        }
        if (lock != null) {
          return new PodAddresses(block, channel, lock);
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot claim a pod address block under " + LOCKS, e);
    }
    throw new IllegalStateException("all 254 pod address blocks are held by other kubelets");
  }

  String block() {
    return "127." + block + ".0.0/16";
  }

  /**
   * A fresh address while the block has any: a released one may still be held by a socket of the
   * pod that had it (a pod replacing another must not inherit its address). Released addresses come
   * back, oldest first, once the block is used up.
   */
  synchronized String allocate() {
    String ip;
    if (next < LAST) {
      ip = address(next++);
    } else if (!released.isEmpty()) {
      ip = released.pollFirst();
    } else {
      throw new IllegalStateException("out of pod addresses in " + block());
    }
    inUse.add(ip);
    return ip;
  }

  private String address(int n) {
    return "127." + block + "." + (n >> 8) + "." + (n & 0xff);
  }

  synchronized void release(String ip) {
    if (ip != null && inUse.remove(ip)) {
      released.addLast(ip);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
