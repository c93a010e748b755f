package io.sei.operator.simulator.proc;

import java.nio.file.Path;

/**
 * The one hook every file path of a simulated process passes through, as {@link
 * io.sei.operator.simulator.net.SimNet} is for addresses. The identity reads the host's files; the
 * simulated kubelet resolves a container path through the container's volume mounts, so a Secret
 * mounted with {@code subPath} over a data volume is seen only by the container that mounts it.
 */
@FunctionalInterface
public interface SimFs {
  SimFs IDENTITY = Path::of;

  /** The host path behind {@code path} as the process names it. */
  Path path(String path);
}
