package io.sei.operator.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.simulator.cli.SimLauncher;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.net.SimNet;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sei-sim rehearse} end to end, through the simulator's command line in this JVM: a real
 * local control plane, the simulated kubelet, a simulated chain and the operator jar of this build
 * as a separate process.
 */
class RehearseIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The chain starts once the operator is up and must not reach the upgrade before the group is
   * Ready: 120 blocks of 250 ms leave 30 s, enough on the loaded 2-core build machine.
   */
  private static final String UPGRADE_HEIGHT = "120";

  /** The small numbers of a quick rehearsal. */
  private static final List<String> QUICK =
      List.of(
          "--block-time-ms",
          "250",
          "--snapshot-interval",
          "5",
          "--settle-blocks",
          "5",
          "--timeout",
          "120");

  record Run(int code, String out, String err, Path dir) {
    JsonNode json() throws Exception {
      return JSON.readTree(dir.resolve("report.json").toFile());
    }

    String html() throws Exception {
      return Files.readString(dir.resolve("report.html"));
    }
  }

  @Test
  void aHardForkMeetsItsExpectationsAndReportsTimelinesDowntimeAndTaskDurations(@TempDir Path dir)
      throws Exception {
    Run run =
        rehearse(
            dir,
            "hard-fork",
            "--replicas",
            "2",
            "--from",
            "sei-sim:v6.3.0",
            "--to",
            "sei-sim:v6.4.0",
            "--upgrade-height",
            UPGRADE_HEIGHT);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "change: SeiNodeDeployment pacific template image sei-sim:v6.3.0 -> sei-sim:v6.4.0")
        .contains("deployment pacific: plan")
        .contains("chain: HALT height=119")
        .contains("service pacific: selector -> ")
        .contains("every expectation met");
    JsonNode report = run.json();
    assertThat(report.path("outcome").asText()).isEqualTo("passed");
    assertThat(report.path("failures")).isEmpty();
    assertThat(names(report.path("expectations")))
        .contains(
            "rollout-complete",
            "serving-new-image",
            "incumbents-torn-down",
            "traffic-before-teardown",
            "chain-past-upgrade",
            "no-double-sign",
            "no-unexpected-crash",
            "service-downtime");
    JsonNode nodes = report.path("nodes");
    assertThat(roles(nodes))
        .isEqualTo(
            Map.of(
                "pacific-g1-0", "incumbent",
                "pacific-g1-1", "incumbent",
                "pacific-g2-0", "entrant",
                "pacific-g2-1", "entrant"));
    for (JsonNode node : nodes) {
      assertThat(node.path("heights").size()).as(node.path("name").asText()).isGreaterThan(1);
      assertThat(node.has("downtimeMs")).isTrue();
    }
    for (JsonNode entrant : List.of(nodes.get(2), nodes.get(3))) {
      assertThat(maxHeight(entrant))
          .as("entrants carry the chain past the upgrade")
          .isGreaterThanOrEqualTo(120);
    }
    assertEveryCrashIsTheUpgradesStop(
        report, "the incumbents' old binary stops at the upgrade, as planned");
    JsonNode service = find(report.path("services"), "pacific");
    assertThat(service.path("downtimeMs").asLong()).isBetween(0L, 30_000L);
    assertThat(service.path("selectorChanges")).hasSize(1);
    assertThat(report.path("doubleSign").isArray()).isTrue();
    assertThat(report.path("doubleSign")).isEmpty();
    JsonNode rollout = findPlan(report.path("plans"), "deployment pacific");
    assertThat(rollout.path("outcome").asText()).isEqualTo("Complete");
    assertThat(types(rollout.path("tasks")))
        .containsExactly(
            "create-entrant-nodes", "await-nodes-running", "switch-traffic", "teardown-nodes");
    assertThat(rollout.path("tasks"))
        .allSatisfy(t -> assertThat(t.path("durationMs").isNumber()).isTrue());
    assertThat(run.html()).contains("<svg").contains("pacific-g2-0").contains("PASSED");
  }

  @Test
  void aSigningKeyCutoverCyclesThePodOnceAndTheValidatorSignsWithoutMissingBlocks(@TempDir Path dir)
      throws Exception {
    Run run = rehearse(dir, "signing-key-cutover", "--image", "sei-sim:v6.4.0");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = run.json();
    assertThat(report.path("outcome").asText()).isEqualTo("passed");
    JsonNode validator = find(report.path("nodes"), "validator");
    assertThat(validator.path("podCycles").asInt()).isEqualTo(1);
    assertThat(validator.path("heights").size()).isGreaterThan(1);
    JsonNode signing = report.path("signing").get(0);
    assertThat(signing.path("node").asText()).isEqualTo("validator");
    assertThat(signing.path("signed").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(signing.path("missed").asLong()).isZero();
    assertThat(report.path("doubleSign")).isEmpty();
    assertThat(find(report.path("services"), "validator").has("downtimeMs")).isTrue();
    assertThat(types(findPlan(report.path("plans"), "node validator").path("tasks")))
        .as("the node-update plan of the cutover is reported too")
        .contains("validate-signing-key", "replace-pod", "observe-signing-key", "mark-ready");
    assertThat(run.html()).contains("<svg").contains("Validator signatures");
  }

  @Test
  void aHardForkThatAddsStoresBootstrapsIntoTheUpgradesStopAndTheNewBinaryAddsThem(
      @TempDir Path dir) throws Exception {
    Run run =
        rehearse(
            dir,
            "hard-fork",
            "--replicas",
            "1",
            "--upgrade-adds-stores",
            "--upgrade-height",
            UPGRADE_HEIGHT);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("every expectation met");
    JsonNode report = run.json();
    assertThat(report.path("outcome").asText()).isEqualTo("passed");
    assertThat(report.path("parameters").path("upgradeAddsStores").asBoolean()).isTrue();
    assertEveryCrashIsTheUpgradesStop(
        report,
        "the old binary stops for the upgrade: on the incumbent and in the entrant's bootstrap");
    assertThat(report.path("crashes"))
        .anySatisfy(c -> assertThat(c.path("pod").asText()).startsWith("pacific-g2-0-bootstrap-"));
    assertThat(maxHeight(find(report.path("nodes"), "pacific-g2-0")))
        .as("the entrant's new binary added the stores and carried the chain on")
        .isGreaterThanOrEqualTo(120);
  }

  @Test
  void aNewImageWithoutTheUpgradeFailsNamingTheCrash(@TempDir Path dir) throws Exception {
    Run run =
        rehearse(
            dir,
            "hard-fork",
            "--replicas",
            "1",
            "--from",
            "sei-sim:v6.3.0",
            "--to",
            "sei-sim:v6.3.5",
            "--upgrade-name",
            "v6.4.0",
            "--upgrade-height",
            UPGRADE_HEIGHT);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("rehearse: FAILED")
        .contains("rollout-complete: SeiNodeDeployment pacific Degraded")
        .contains("no-unexpected-crash")
        .contains(
            "pacific-g2-0-0 seid (sei-sim:v6.3.5) exited 2: panic: UPGRADE \"v6.4.0\" NEEDED at height: 120");
    JsonNode report = run.json();
    assertThat(report.path("outcome").asText()).isEqualTo("failed");
    assertThat(report.path("crashes"))
        .anySatisfy(
            c -> {
              assertThat(c.path("node").asText()).isEqualTo("pacific-g2-0");
              assertThat(c.path("expected").asBoolean()).isFalse();
            });
  }

  /** Every crash of the report is an expected stop of an old binary for upgrade v6.4.0 at 120. */
  private static void assertEveryCrashIsTheUpgradesStop(JsonNode report, String why) {
    assertThat(report.path("crashes"))
        .as(why)
        .allSatisfy(
            c -> {
              assertThat(c.path("expected").asBoolean()).isTrue();
              assertThat(c.path("message").asText())
                  .contains("UPGRADE \"v6.4.0\" NEEDED at height: 120");
            });
  }

  private static Run rehearse(Path dir, String scenario, String... args) throws Exception {
    Path jar =
        Path.of(System.getProperty("sei.operator.jar", "target/sei-operator.jar")).toAbsolutePath();
    assertThat(jar).as("the operator jar is built at package").exists();
    List<String> argv = new ArrayList<>(List.of("rehearse", scenario));
    argv.addAll(List.of(args));
    argv.addAll(QUICK);
    argv.addAll(List.of("--operator", jar.toString(), "--out", dir.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SimContext context =
        new SimContext(
            Map.of(),
            tee(out, System.out),
            tee(err, System.err),
            SimNet.IDENTITY,
            SimHttp.newClient());
    Set<Long> childrenBefore = children();
    RunningProcess running = RunningProcess.start("rehearse", SimLauncher.create(argv, context));
    try {
      await("rehearse " + scenario)
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> running.exit().isDone());
    } finally {
      running.stop(Duration.ofSeconds(60));
    }
    int code = running.exit().get();
    await("every process the rehearsal started has ended")
        .atMost(Duration.ofSeconds(30))
        .until(() -> newChildren(childrenBefore).isEmpty());
    assertThat(dir.resolve("report.json")).exists();
    assertThat(dir.resolve("report.html")).exists();
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), dir);
  }

  private static PrintStream tee(ByteArrayOutputStream capture, PrintStream echo) {
    return new PrintStream(
        new OutputStream() {
          @Override
          public synchronized void write(int b) {
            capture.write(b);
            echo.write(b);
          }

          @Override
          public synchronized void write(byte[] b, int off, int len) {
            capture.write(b, off, len);
            echo.write(b, off, len);
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  private static Set<Long> children() {
    return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  private static Set<String> newChildren(Set<Long> before) {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(p -> !before.contains(p.pid()))
        .map(p -> p.pid() + " " + p.info().command().orElse("?"))
        .collect(Collectors.toSet());
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(x -> names.add(x.path("name").asText()));
    return names;
  }

  private static List<String> types(JsonNode tasks) {
    List<String> types = new ArrayList<>();
    tasks.forEach(x -> types.add(x.path("type").asText()));
    return types;
  }

  private static Map<String, String> roles(JsonNode nodes) {
    Map<String, String> roles = new java.util.TreeMap<>();
    nodes.forEach(n -> roles.put(n.path("name").asText(), n.path("role").asText()));
    return roles;
  }

  private static long maxHeight(JsonNode node) {
    long max = -1;
    for (JsonNode p : node.path("heights")) {
      if (p.path("height").isNumber()) {
        max = Math.max(max, p.path("height").asLong());
      }
    }
    return max;
  }

  private static JsonNode find(JsonNode array, String name) {
    for (JsonNode x : array) {
      if (x.path("name").asText().equals(name)) {
        return x;
      }
    }
    throw new AssertionError("no " + name + " in " + array);
  }

  private static JsonNode findPlan(JsonNode plans, String owner) {
    for (JsonNode x : plans) {
      if (x.path("owner").asText().equals(owner) && !x.path("tasks").isEmpty()) {
        if (owner.startsWith("deployment") || types(x.path("tasks")).contains("replace-pod")) {
          return x;
        }
      }
    }
    throw new AssertionError("no plan of " + owner + " in " + plans);
  }
}
