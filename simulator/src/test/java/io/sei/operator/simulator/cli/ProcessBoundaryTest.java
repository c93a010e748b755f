package io.sei.operator.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.support.Sim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts use it: real JVMs, real exit codes, real signals. */
class ProcessBoundaryTest {

  @TempDir Path tmp;

  /** Starts {@code sei-sim ARGS} in a new JVM, output (both streams) to {@code log}. */
  private static Process java(Path log, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private int exitCode(String... args) throws Exception {
    Process process = java(tmp.resolve("cli.log"), Map.of(), List.of(args));
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  @Test
  void helpExitsZeroAndBadFlagsExitTwo() throws Exception {
    assertThat(exitCode("--help")).isZero();
    assertThat(exitCode("seid", "start", "--help")).isZero();
    assertThat(exitCode("chain", "--listen", "127.0.0.1:0")).isEqualTo(ExitCodes.USAGE);
    assertThat(exitCode("sidecar", "--home", "x", "--listen", "1:2", "--authn-mode", "mtls"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(tmp.resolve("cli.log"))).contains("--authn-mode must be");
  }

  @Test
  void aChainAndASeidAsProcessesHaltThenRefuseAHaltBehindTheDataThenStopOnSigterm()
      throws Exception {
    Path chainLog = tmp.resolve("chain.log");
    Process chain =
        java(
            chainLog,
            Map.of(),
            List.of("chain", "--listen", "127.0.0.1:0", "--block-time-ms", "20"));
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Files.readString(chainLog).contains("CHAIN listening="));
      String address =
          Files.readString(chainLog).replaceAll("(?s).*CHAIN listening=(\\S+).*", "$1");
      Path seidLog = tmp.resolve("seid.log");
      List<String> seid =
          List.of(
              "seid",
              "start",
              "--home",
              tmp.resolve("node").toString(),
              "--peer",
              ChainConfig.DEFAULT_NODE_ID + "@" + address,
              "--rpc-listen",
              "127.0.0.1:0",
              "--p2p.laddr",
              "127.0.0.1:0",
              "--standalone",
              "--log_level",
              "info",
              "--halt-height");
      Map<String, String> env = Map.of("SEI_SIM_IMAGE", "registry.example/sei-sim:v6.4.0");

      Process halting = java(seidLog, env, concat(seid, "4"));
      assertThat(halting.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(halting.exitValue()).isZero();
      assertThat(Files.readString(seidLog))
          .contains(
              "version=v6.4.0",
              "HALT height=4",
              "DEBUG ignoring flags the simulator does not use: --log_level info");

      Process behind = java(seidLog, env, concat(seid, "2"));
      assertThat(behind.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(behind.exitValue()).isEqualTo(ExitCodes.HALT_BEHIND_DATA);
      assertThat(Files.readString(seidLog)).contains("behind the data");
    } finally {
      chain.destroy();
      assertThat(chain.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(chainLog)).contains("CHAIN stopped");
  }

  private static List<String> concat(List<String> base, String last) {
    List<String> all = new ArrayList<>(base);
    all.add(last);
    return all;
  }

  @Test
  void stoppedRolesLeaveNoThreadsBehind() {
    Set<String> before = simThreads();
    try (Sim sim = new Sim()) {
      String chain = sim.chain("--block-time-ms", "10");
      Sim.Proc sidecar = sim.start("sidecar", "--home", tmp.toString(), "--listen", "127.0.0.1:0");
      String sidecarUrl = "http://" + sidecar.awaitLine("SIDECAR listening=(\\S+)");
      Sim.request(sidecarUrl + "/v0/tasks", "POST", "{\"type\":\"mark-ready\"}", Map.of());
      Sim.Proc seid =
          sim.start(
              "seid",
              "start",
              "--home",
              tmp.toString(),
              "--version",
              "v1.0.0",
              "--peer",
              chain,
              "--rpc-listen",
              "127.0.0.1:0",
              "--p2p.laddr",
              "127.0.0.1:0",
              "--sidecar-url",
              sidecarUrl);
      seid.awaitLine("rpc=(\\S+)");
      assertThat(seid.stop()).isEqualTo(ExitCodes.STOPPED);
      assertThat(sidecar.stop()).isEqualTo(ExitCodes.STOPPED);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> simThreads().equals(before));
  }

  private static Set<String> simThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(
            n -> n.startsWith("sim-") || n.startsWith("test-") || n.startsWith("HTTP-Dispatcher"))
        .collect(Collectors.toSet());
  }
}
