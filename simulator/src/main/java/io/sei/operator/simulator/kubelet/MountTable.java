package io.sei.operator.simulator.kubelet;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A container's view of files: each volume mount maps a container path to a host path (a directory,
 * or one file for a {@code subPath} of a file), the longest matching mount wins, and everything
 * else lands in the container's own scratch root (gone with the pod).
 */
final class MountTable {
  record Mount(String containerPath, Path hostPath, boolean readOnly) {}

  private final List<Mount> mounts;
  private final Path scratchRoot;

  MountTable(List<Mount> mounts, Path scratchRoot) {
    this.mounts =
        mounts.stream()
            .sorted(Comparator.comparingInt((Mount m) -> m.containerPath().length()).reversed())
            .toList();
    this.scratchRoot = scratchRoot;
  }

  List<Mount> mounts() {
    return mounts;
  }

  /** The host path behind {@code containerPath} (absolute, as the container sees it). */
  Path resolve(String containerPath) {
    String p = normalize(containerPath);
    for (Mount m : mounts) {
      String mp = normalize(m.containerPath());
      if (p.equals(mp)) {
        return m.hostPath();
      }
      if (p.startsWith(mp.endsWith("/") ? mp : mp + "/")) {
        return m.hostPath().resolve(p.substring(mp.length()).replaceFirst("^/", ""));
      }
    }
    return scratchRoot.resolve(p.replaceFirst("^/", ""));
  }

  private static String normalize(String path) {
    String p = Path.of("/").resolve(path).normalize().toString();
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
