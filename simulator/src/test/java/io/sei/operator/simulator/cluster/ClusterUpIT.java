package io.sei.operator.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sei.operator.simulator.cli.SimLauncher;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.net.SimNet;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster up --chain}: READY after the node is Ready, a working kubeconfig, clean stop. */
class ClusterUpIT {

  @Test
  void clusterUpPrintsChainAndReadyWritesAKubeconfigAndStopsCleanly(@TempDir Path dir)
      throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    SimContext context =
        new SimContext(Map.of(), print, print, SimNet.IDENTITY, SimHttp.newClient());
    RunningProcess up =
        RunningProcess.start(
            "cluster-up",
            SimLauncher.create(
                List.of(
                    "cluster",
                    "up",
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "--state-dir",
                    dir.resolve("state").toString(),
                    "--chain"),
                context));

    await("READY").atMost(Duration.ofSeconds(120)).until(() -> out.toString().contains("READY"));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).containsPattern("CHAIN 127\\.0\\.0\\.1:\\d+");
    assertThat(printed.indexOf("CHAIN 127")).isLessThan(printed.indexOf("READY"));
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
            .build()) {
      assertThat(client.nodes().withName("sim-node").get().getStatus().getConditions())
          .anySatisfy(
              c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getStatus()).isEqualTo("True");
              });
      assertThat(
              client
                  .apiextensions()
                  .v1()
                  .customResourceDefinitions()
                  .withName("seinodes.sei.io")
                  .get())
          .isNotNull();
    }

    assertThat(up.stop(Duration.ofSeconds(30))).hasValue(0);
  }
}
