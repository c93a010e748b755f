package io.sei.operator.simulator.kubelet;

import io.sei.operator.simulator.cluster.OrphanReaper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code kube-rbac-proxy} images as the real kube-rbac-proxy binary. Its flags are rewritten
 * into the pod: listen addresses and the upstream go to the pod's address, file flags to the host
 * paths of the container's mounts, and it authenticates (TokenReview) and authorizes
 * (SubjectAccessReview) against the local apiserver with the given kubeconfig.
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

  private final Path binary;
  private final Path kubeconfig;

  ProxyRuntime(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
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
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()))
            .start();
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
    boolean hasKubeconfig = false;
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
        hasKubeconfig |= flag.equals("--kubeconfig");
        out.add(flag + "=" + launch.fs().resolve(value));
      } else {
        out.add(arg);
      }
    }
    if (!hasKubeconfig) {
      out.add("--kubeconfig=" + kubeconfig);
    }
    return out;
  }
}
