package io.sei.operator.simulator.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pinned Kubernetes binaries (kube-apiserver, kube-controller-manager, kubectl, etcd,
 * kube-rbac-proxy) in one directory laid out as kube-api-test expects: {@code
 * <root>/k8s/<version>-linux-amd64/}.
 *
 * <p>They come from {@code scripts/k8s-binaries.sh}, which ships inside this jar: cached, else
 * downloaded, else built from the Go module proxy. {@code SEI_K8S_BINARIES_DIR} names a directory
 * that already holds all five (air-gapped machines) and skips the script.
 */
public record K8sBinaries(Path dir) {
  public static final String ENV_PREBUILT_DIR = "SEI_K8S_BINARIES_DIR";
  static final List<String> NAMES =
      List.of("kube-apiserver", "kube-controller-manager", "kubectl", "etcd", "kube-rbac-proxy");
  private static final String RESULT_PREFIX = "BINARIES_DIR=";

  /** Finds or provisions the binaries; the script's progress lines go to {@code progress}. */
  public static K8sBinaries provision(PrintStream progress) {
    String prebuilt = System.getenv(ENV_PREBUILT_DIR);
    if (prebuilt != null && !prebuilt.isBlank()) {
      return verified(Path.of(prebuilt));
    }
    Path script = extractScript();
    try {
      Process p =
          new ProcessBuilder("bash", script.toString())
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      Thread relay = relay(p.getErrorStream(), progress);
      String last = null;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          last = line;
        }
      }
      int exit = p.waitFor();
      relay.join();
      if (exit != 0 || last == null || !last.startsWith(RESULT_PREFIX)) {
        throw new IllegalStateException(
            "scripts/k8s-binaries.sh failed (exit " + exit + "); its messages are above");
      }
      return verified(Path.of(last.substring(RESULT_PREFIX.length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run scripts/k8s-binaries.sh (is bash installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning Kubernetes binaries", e);
    } finally {
      script.toFile().delete();
    }
  }

  private static K8sBinaries verified(Path dir) {
    for (String name : NAMES) {
      if (!Files.isExecutable(dir.resolve(name))) {
        throw new IllegalStateException(
            dir.resolve(name) + " is missing or not executable; run scripts/k8s-binaries.sh");
      }
    }
    return new K8sBinaries(dir.toAbsolutePath());
  }

  private static Path extractScript() {
    try (InputStream in = K8sBinaries.class.getResourceAsStream("/scripts/k8s-binaries.sh")) {
      if (in == null) {
        throw new IllegalStateException("scripts/k8s-binaries.sh is not on the classpath");
      }
      Path tmp = Files.createTempFile("k8s-binaries", ".sh");
      Files.write(tmp, in.readAllBytes());
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread relay(InputStream in, PrintStream to) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  to.println(line);
                }
              } catch (IOException ignored) {
                // the process ended; nothing more to relay
              }
            },
            "k8s-binaries-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Kubernetes version without the leading v, e.g. {@code 1.33.13}. */
  public String version() {
    String name = dir.getFileName().toString();
    return name.substring(0, name.indexOf('-'));
  }

  public Path kubeApiserver() {
    return dir.resolve("kube-apiserver");
  }

  public Path kubeControllerManager() {
    return dir.resolve("kube-controller-manager");
  }

  public Path kubectl() {
    return dir.resolve("kubectl");
  }

  public Path etcd() {
    return dir.resolve("etcd");
  }

  public Path kubeRbacProxy() {
    return dir.resolve("kube-rbac-proxy");
  }
}
