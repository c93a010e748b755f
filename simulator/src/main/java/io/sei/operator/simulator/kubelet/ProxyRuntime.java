package io.sei.operator.simulator.kubelet;

import io.sei.operator.simulator.cluster.OrphanReaper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs {@code kube-rbac-proxy} images as the real kube-rbac-proxy binary. Its flags are rewritten
 * into the pod: listen addresses and the upstream go to the pod's address, file flags to the host
 * paths of the container's mounts.
 *
 * <p>It calls the API server (TokenReview, SubjectAccessReview) as its pod's ServiceAccount, the
 * way client-go's in-cluster config does: with the token file the pod mounts into the container at
 * {@code /var/run/secrets/kubernetes.io/serviceaccount} (re-read as it changes), through a
 * kubeconfig that names that file and the API server's URL and CA. A container without that mount
 * gets no credentials: like a real one, the proxy cannot load its in-cluster config and exits.
 */
final class ProxyRuntime implements ContainerRuntime {
  private static final Set<String> LISTEN_FLAGS =
      Set.of("--insecure-listen-address", "--secure-listen-address", "--proxy-endpoints-port");
  private static final Set<String> FILE_FLAGS =
      Set.of(
          "--config-file",
          "--tls-cert-file",
          "--tls-private-key-file",
          "--client-ca-file",
          "--kubeconfig",
          "--auth-token-audiences-file");

  /** Where client-go's in-cluster config reads the pod's ServiceAccount token. */
  static final String TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  private final Path binary;
  private final Function<Path, String> kubeconfigForTokenFile;

  /**
   * @param kubeconfigForTokenFile a kubeconfig of the API server that authenticates with the bearer
   *     token in the given file
   */
  ProxyRuntime(Path binary, Function<Path, String> kubeconfigForTokenFile) {
    this.binary = binary;
    this.kubeconfigForTokenFile = kubeconfigForTokenFile;
  }

  @Override
  public boolean runs(String image) {
    return ContainerRuntime.repositoryName(image).equals("kube-rbac-proxy");
  }

  @Override
  public ContainerProcess start(ContainerLaunch launch) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(rewrite(launch));
    inClusterKubeconfig(launch).ifPresent(k -> cmd.add("--kubeconfig=" + k));
    ProcessBuilder builder =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
    // The container's environment only: nothing of the kubelet's (no credentials) leaks in.
    builder.environment().clear();
    builder.environment().putAll(launch.env());
    Process p = builder.start();
    OrphanReaper reaper = OrphanReaper.watch(List.of(p.pid()));
    CompletableFuture<Integer> exit =
        p.onExit()
            .thenApply(
                done -> {
                  reaper.cancel();
                  return done.exitValue();
                });
    return new ContainerProcess(
        exit,
        grace -> {
          p.destroy();
          try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
              p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
          }
        });
  }

  /** The container's args (after its entrypoint, if any) with addresses and paths rewritten. */
  List<String> rewrite(ContainerLaunch launch) {
    List<String> args = new ArrayList<>(launch.argv());
    if (!args.isEmpty() && ContainerRuntime.repositoryName(args.get(0)).equals("kube-rbac-proxy")) {
      args.remove(0);
    }
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String flag = eq > 0 ? arg.substring(0, eq) : arg;
      String value = eq > 0 ? arg.substring(eq + 1) : null;
      if (value == null) {
        out.add(arg);
      } else if (LISTEN_FLAGS.contains(flag) && value.contains(":")) {
        String rewritten = launch.net().rewriteListen(value);
        launch
            .net()
            .listensOn(Integer.parseInt(rewritten.substring(rewritten.lastIndexOf(':') + 1)));
        out.add(flag + "=" + rewritten);
      } else if (flag.equals("--upstream")) {
        out.add(flag + "=" + launch.net().podLocal(value));
      } else if (FILE_FLAGS.contains(flag)) {
        out.add(flag + "=" + launch.fs().resolve(value));
      } else {
        out.add(arg);
      }
    }
    return out;
  }

  /**
   * The in-cluster config of a container that mounts a ServiceAccount token and names no kubeconfig
   * of its own: a kubeconfig written into the container's scratch space.
   */
  private Optional<Path> inClusterKubeconfig(ContainerLaunch launch) throws IOException {
    boolean ownKubeconfig = launch.argv().stream().anyMatch(a -> a.startsWith("--kubeconfig="));
    Path token = launch.fs().resolve(TOKEN_PATH);
    if (ownKubeconfig || !Files.isRegularFile(token)) {
      return Optional.empty();
    }
    Path kubeconfig = launch.fs().resolve("/var/run/sim-kubelet/in-cluster.kubeconfig");
    Files.createDirectories(kubeconfig.getParent());
    Files.writeString(kubeconfig, kubeconfigForTokenFile.apply(token));
    return Optional.of(kubeconfig);
  }
}
