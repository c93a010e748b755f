package io.sei.operator.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No etcd, kube-apiserver or kube-controller-manager outlives the JVM that started it: neither on a
 * normal exit (shutdown hook) nor when the JVM is killed with SIGKILL (orphan reaper).
 */
class NoOrphansIT {

  @Test
  void processesStopWhenTheJvmIsKilled() throws Exception {
    Process jvm = startChildJvm();
    List<Long> pids = readPids(jvm);

    jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    awaitAllGone(pids);
  }

  @Test
  void processesStopWhenTheJvmExitsNormally() throws Exception {
    Process jvm = startChildJvm();
    List<Long> pids = readPids(jvm);

    jvm.getOutputStream().write("exit\n".getBytes(StandardCharsets.UTF_8));
    jvm.getOutputStream().flush();
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("child JVM exits").isTrue();

    awaitAllGone(pids);
  }

  private static Process startChildJvm() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ControlPlaneMain.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static List<Long> readPids(Process jvm) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("PIDS")) {
        List<Long> pids =
            Arrays.stream(line.substring(4).trim().split(" ")).map(Long::valueOf).toList();
        assertThat(pids).as("etcd, kube-apiserver, kube-controller-manager").hasSize(3);
        pids.forEach(pid -> assertThat(ProcessHandle.of(pid)).as("pid %d alive", pid).isPresent());
        return pids;
      }
    }
    throw new AssertionError("child JVM ended before reporting its processes");
  }

  private static void awaitAllGone(List<Long> pids) {
    await("processes " + pids + " to stop")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                pids.stream()
                    .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }
}
