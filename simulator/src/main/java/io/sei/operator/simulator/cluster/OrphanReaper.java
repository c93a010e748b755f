package io.sei.operator.simulator.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A small shell process that outlives this JVM only to stop the given processes once the JVM is
 * gone. A shutdown hook covers normal exits and SIGTERM; this covers SIGKILL and crashes, so no
 * etcd, kube-apiserver or kube-controller-manager is ever left running.
 */
public final class OrphanReaper {
  private final Process watcher;

  private OrphanReaper(Process watcher) {
    this.watcher = watcher;
  }

  public static OrphanReaper watch(Collection<Long> pids) {
    long jvm = ProcessHandle.current().pid();
    String targets = pids.stream().map(String::valueOf).collect(Collectors.joining(" "));
    String script =
        "while kill -0 "
            + jvm
            + " 2>/dev/null; do sleep 1; done; kill -TERM "
            + targets
            + " 2>/dev/null; sleep 3; kill -KILL "
            + targets
            + " 2>/dev/null; exit 0";
    try {
      Process p =
          new ProcessBuilder("setsid", "sh", "-c", script)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return new OrphanReaper(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the orphan reaper (setsid, sh)", e);
    }
  }

  /** The JVM is closing the processes itself: the reaper is no longer needed. */
  public void cancel() {
    watcher.descendants().forEach(ProcessHandle::destroy);
    watcher.destroy();
  }
}
