package io.sei.operator.simulator.kubelet;

import io.sei.operator.simulator.cli.SimLauncher;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code sei-sim} images (any registry, any tag) inside this JVM. The role comes from the
 * command the operator renders — {@code seid start …} runs the fake seid, {@code seictl sidecar …}
 * the fake sidecar, {@code chain …} a chain — and the version from the image tag ({@code
 * SEI_SIM_IMAGE}). Addresses go through the pod's {@link PodNet}, files through the container's
 * mounts.
 */
final class SimRuntime implements ContainerRuntime {
  static final String ENV_IMAGE = "SEI_SIM_IMAGE";
  private final HttpClient http;

  SimRuntime(HttpClient http) {
    this.http = http;
  }

  @Override
  public boolean runs(String image) {
    return ContainerRuntime.repositoryName(image).equals("sei-sim");
  }

  @Override
  public ContainerProcess start(ContainerLaunch launch) throws IOException {
    Map<String, String> env = new HashMap<>(launch.env());
    env.put(ENV_IMAGE, launch.container().getImage());
    PrintStream log =
        new PrintStream(
            new FileOutputStream(launch.logFile().toFile(), true), true, StandardCharsets.UTF_8);
    SimContext context =
        new SimContext(env, log, log, launch.net(), http, path -> launch.fs().resolve(path));
    RunningProcess running =
        RunningProcess.start(launch.name(), SimLauncher.create(simArgs(launch.argv()), context));
    CompletableFuture<Integer> exit = running.exit().whenComplete((code, error) -> log.close());
    return new ContainerProcess(exit, running::stop);
  }

  /** The simulator command line for a container's command + args. */
  static List<String> simArgs(List<String> argv) {
    List<String> args = new ArrayList<>(argv);
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "a sei-sim container needs a command: seid start …, seictl sidecar …, or chain …");
    }
    String first = args.get(0);
    if (first.equals("sei-sim") || (first.equals("seictl") && args.size() > 1)) {
      args.remove(0);
    }
    return args;
  }
}
