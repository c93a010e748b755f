package io.sei.operator.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.planner.plan.NodePlanDecision;
import io.sei.operator.planner.plan.NodePlanner;
import io.sei.operator.planner.task.RetryPolicy;
import io.sei.operator.planner.task.TaskCodec;
import io.sei.operator.planner.task.TaskSide;
import io.sei.operator.planner.task.TaskType;
import io.sei.operator.simulator.cli.SimLauncher;
import io.sei.operator.simulator.cluster.SimulatedStorage;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.home.NodeKey;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.net.SimNet;
import io.sei.operator.simulator.proc.RunningProcess;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.testing.RepoFiles;
import io.sei.operator.testing.SimChain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract between the operator and the sidecar (docs/sidecar-contract.md): every sidecar task
 * the planner can put in a plan, submitted as the operator submits it, uses only the task types and
 * params the contract lists, and every request of the operator's {@link SidecarClient} is accepted
 * by a running simulated sidecar, each task to {@code completed}.
 */
class SidecarContractTest {

  private static final String CHAIN_PEER = "CHAIN_PEER";

  private static SimChain chain;

  @TempDir Path dir;

  @BeforeAll
  static void startChain() throws Exception {
    chain = new SimChain(20, List.of(), 10);
    await("the chain's first snapshot")
        .atMost(Duration.ofSeconds(30))
        .until(() -> chain.height() >= 10);
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  /** Specs covering every optional field of the sidecar progression; CHAIN_PEER is the chain. */
  static Stream<String> specs() {
    return Stream.of(
        // s3 snapshot to a height, static peers, overrides
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        peers: [{static: {addresses: ["CHAIN_PEER"]}}]
        overrides: {network.p2p.max_connections: "40"}
        fullNode: {snapshot: {s3: {targetHeight: 100}}}
        """,
        // s3 snapshot without a height ("latest"), no trust period, no peers
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        fullNode: {snapshot: {s3: {}}}
        """,
        // state sync without trust period or backfill, label peers
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        peers: [{label: {selector: {sei.io/deployment: rpc}}}]
        validator: {snapshot: {stateSync: {}}}
        """,
        // state sync with both, static peers
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        peers: [{static: {addresses: ["CHAIN_PEER"]}}]
        validator: {snapshot: {stateSync: {}, trustPeriod: 168h, backfillBlocks: 1000}}
        """,
        // genesis archive node
        """
        chainId: pacific-1
        image: sei-sim:v6.3.0
        archive: {}
        """,
        // bootstrap: the progression on the bootstrap pod, then on the production pod
        """
        chainId: pacific-1
        image: sei-sim:v6.4.0
        peers: [{static: {addresses: ["CHAIN_PEER"]}}]
        fullNode: {snapshot: {s3: {targetHeight: 19}, bootstrapImage: "sei-sim:v6.3.0"}}
        """);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyTaskTypeAndParamTheOperatorSubmitsIsInTheContract(String spec) throws Exception {
    Map<String, Set<String>> contract = contractTable();
    for (Submission s : submissions(spec)) {
      assertThat(contract).as("task types of the contract").containsKey(s.type());
      Set<String> params = new TreeSet<>();
      s.params().fieldNames().forEachRemaining(params::add);
      assertThat(contract.get(s.type()))
          .as("params of %s the contract lists (submitted: %s)", s.type(), s.params())
          .containsAll(params);
    }
  }

  @Test
  void theContractListsEverySidecarTaskTypeOfTheCatalog() throws Exception {
    assertThat(contractTable().keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(TaskType.values())
                .filter(t -> t.side() == TaskSide.SIDECAR)
                .map(TaskType::wireName)
                .toList());
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyRequestOfTheClientIsAcceptedAndEveryTaskCompletesInTheSimulatedSidecar(String spec)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    new NodeHome(home).write(new NodeHome(home).nodeKeyFile(), NodeKey.generate());
    int port = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("SEI_HOME", home.toString());
    env.put("SEI_SIDECAR_PORT", Integer.toString(port));
    env.put("SEI_SIDECAR_AUTHN_MODE", "unauthenticated");
    env.put("SEI_CHAIN_ID", "pacific-1");
    env.put("SEI_GENESIS_BUCKET", SimulatedStorage.GENESIS_BUCKET);
    env.put("SEI_GENESIS_REGION", SimulatedStorage.REGION);
    env.put("SEI_SNAPSHOT_BUCKET", SimulatedStorage.SNAPSHOT_BUCKET);
    env.put("SEI_SNAPSHOT_REGION", SimulatedStorage.REGION);
    env.put("AWS_ENDPOINT_URL_S3", chain.url());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    SimContext context = new SimContext(env, out, out, SimNet.IDENTITY, SimHttp.newClient());
    RunningProcess sidecar =
        RunningProcess.start("sidecar", SimLauncher.create(List.of("serve"), context));
    try {
      Path token = Files.writeString(dir.resolve("token"), "operator-token");
      SidecarClient client = new SidecarClient(new TokenFile(token), Duration.ofSeconds(5));
      SidecarEndpoint endpoint = new SidecarEndpoint("127.0.0.1", port);
      await("the sidecar listening")
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> !client.health(endpoint));

      assertThat(client.nodeId(endpoint))
          .isEqualTo(NodeKey.nodeId(new NodeHome(home)).orElseThrow());
      for (Submission s : submissions(spec)) {
        client.submit(endpoint, s.id(), s.type(), s.params().toString());
        await(s.type() + " completed")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> client.get(endpoint, s.id()).orElseThrow(),
                task -> {
                  assertThat(task.state())
                      .as("%s %s: %s\n%s", s.type(), s.params(), task.error(), log)
                      .isNotEqualTo(TaskState.FAILED);
                  return task.state() == TaskState.COMPLETED;
                });
        // A re-submission of a known id is accepted too (201) and changes nothing.
        client.submit(endpoint, s.id(), s.type(), s.params().toString());
        assertThat(client.get(endpoint, s.id()).orElseThrow().state())
            .isEqualTo(TaskState.COMPLETED);
      }
      assertThat(client.health(endpoint)).as("ready after mark-ready").isTrue();
    } finally {
      sidecar.stop(Duration.ofSeconds(5));
    }
  }

  /** One sidecar request of a plan, as the operator submits it. */
  private record Submission(String id, String type, JsonNode params) {}

  /** The sidecar tasks of the plan of {@code specYaml}, label peers resolved to the chain. */
  private static List<Submission> submissions(String specYaml) throws Exception {
    SeiNode node = new SeiNode();
    node.getMetadata().setName("node");
    node.getMetadata().setNamespace("sei");
    node.setSpec(
        Serialization.unmarshal(specYaml.replace(CHAIN_PEER, chain.peer()), SeiNodeSpec.class));
    AtomicInteger ids = new AtomicInteger();
    NodePlanDecision decision =
        new NodePlanner(
                Clock.systemUTC(), () -> "plan-" + ids.incrementAndGet(), RetryPolicy.defaults())
            .decide(node);
    assertThat(decision).isInstanceOf(NodePlanDecision.StartPlan.class);
    List<Submission> submissions = new ArrayList<>();
    for (PlannedTask task : ((NodePlanDecision.StartPlan) decision).plan().getTasks()) {
      if (TaskType.fromWireName(task.getType()).orElseThrow().side() == TaskSide.SIDECAR) {
        JsonNode params = TaskCodec.sidecarParams(TaskCodec.decode(task), List.of(chain.peer()));
        submissions.add(new Submission(task.getId(), task.getType(), params));
      }
    }
    assertThat(submissions).isNotEmpty();
    return submissions;
  }

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| ([^|]*) \\|");

  /** The task table of docs/sidecar-contract.md: task type to the params it lists. */
  private static Map<String, Set<String>> contractTable() {
    String doc = RepoFiles.read("docs/sidecar-contract.md");
    String section = doc.substring(doc.indexOf("## Tasks and params we send"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    Map<String, Set<String>> table = new LinkedHashMap<>();
    for (String line : section.lines().toList()) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        table.put(
            row.group(1),
            Pattern.compile("`([A-Za-z]+)`")
                .matcher(row.group(2))
                .results()
                .map(r -> r.group(1))
                .collect(Collectors.toCollection(TreeSet::new)));
      }
    }
    assertThat(table).as("rows of the task table").isNotEmpty();
    return table;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
