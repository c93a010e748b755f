package io.sei.operator.simulator.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.simulator.cluster.ClusterUp;
import io.sei.operator.simulator.cluster.OperatorProcess;
import io.sei.operator.simulator.net.SimNet;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.proc.StopSignal;
import io.sei.operator.simulator.rehearse.Report.Crash;
import io.sei.operator.simulator.rehearse.Report.DoubleSign;
import io.sei.operator.simulator.rehearse.Report.Expectation;
import io.sei.operator.simulator.rehearse.Report.NodeTimeline;
import io.sei.operator.simulator.rehearse.Report.ServiceDowntime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rehearse <scenario>}: brings up the local control plane with the simulated kubelet, the
 * operator jar as a separate process and a simulated chain (exactly as {@code cluster up --operator
 * --chain}), runs the scenario while a {@link Recorder} watches, checks the expectations, and
 * writes {@code report.json} and {@code report.html}. Everything it started is stopped when it
 * ends, and on SIGINT/SIGTERM.
 */
public final class Rehearsal implements SimProcess {
  /** Every expectation met. */
  public static final int MET = ExitCodes.OK;

  /** An expectation was not met (the reasons are printed and in the report). */
  public static final int NOT_MET = 1;

  /** Bad input: the command line, or a height the chain had already reached. */
  public static final int BAD_INPUT = ExitCodes.USAGE;

  /** The rehearsal could not run: no operator jar, the control plane failed, a port in use. */
  public static final int ENVIRONMENT = 3;

  /** Stopped by SIGINT/SIGTERM (a partial report is written). */
  public static final int STOPPED = ExitCodes.STOPPED;

  static final String NAMESPACE = "rehearsal";

  /** Blocks a node may trail the chain by and still count as caught up. */
  static final long CAUGHT_UP_LAG = 2;

  private final Scenario scenario;
  private final RehearsalSettings settings;
  private final SimContext context;
  private final StopSignal stop = new StopSignal();
  private volatile boolean stopped;

  private Rehearsal(Scenario scenario, RehearsalSettings settings, SimContext context) {
    this.scenario = scenario;
    this.settings = settings;
    this.context = context;
  }

  /**
   * A hard fork; an {@link IllegalArgumentException} is bad input, its message one line.
   *
   * @param upgradeName the chain's upgrade; the version of {@code to} when null
   * @param addsStores the upgrade adds stores: the rollout names it so entrants bootstrap into it
   */
  public static Rehearsal hardFork(
      int replicas,
      String from,
      String to,
      String upgradeName,
      long upgradeHeight,
      boolean addsStores,
      RehearsalSettings settings,
      SimContext context) {
    String name = upgradeName != null ? upgradeName : Images.version("--to", to).text();
    return new Rehearsal(
        new HardForkScenario(
            new HardForkScenario.Settings(replicas, from, to, name, upgradeHeight, addsStores),
            settings.blockTimeMs(),
            settings.snapshotInterval()),
        settings,
        context);
  }

  /** A signing-key cutover; an {@link IllegalArgumentException} is bad input. */
  public static Rehearsal signingKeyCutover(
      String image, long maxMissedBlocks, RehearsalSettings settings, SimContext context) {
    return new Rehearsal(
        new SigningKeyCutoverScenario(
            image, maxMissedBlocks, settings.blockTimeMs(), settings.snapshotInterval()),
        settings,
        context);
  }

  @Override
  public void stop() {
    stopped = true;
    stop.raise();
  }

  @Override
  public int run() {
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    Progress progress =
        new Progress(context.out(), () -> (System.nanoTime() - startNanos) / 1_000_000);
    Path jar = settings.operatorJar();
    if (!Files.isRegularFile(jar)) {
      context.fatal(
          "rehearse: operator jar "
              + jar
              + " not found: build it with ./mvnw -B -q install -DskipTests, or pass --operator JAR");
      return ENVIRONMENT;
    }
    Path stateDir;
    int chainPort;
    try {
      Files.createDirectories(settings.out());
      stateDir = ClusterUp.stateDir(settings.stateDir(), "sei-rehearsal");
      chainPort = freePort();
    } catch (IOException e) {
      context.fatal("rehearse: " + e.getMessage());
      return ENVIRONMENT;
    }
    progress.line(
        "rehearse "
            + scenario.name()
            + " "
            + scenario.parameters()
            + "; state "
            + stateDir
            + "; report "
            + settings.out());
    // The operator needs the snapshot bucket (the chain's URL) when it starts, but the chain must
    // not run ahead while the cluster comes up: its address is chosen now, it starts last.
    String chainListen = "127.0.0.1:" + chainPort;
    try (ClusterUp.Cluster cluster = ClusterUp.Cluster.start(stateDir, progress.prefixed(""))) {
      if (stopped) {
        return STOPPED;
      }
      try (OperatorProcess operator =
          OperatorProcess.start(cluster.controlPlane(), jar, "http://" + chainListen)) {
        progress.line("operator pid=" + operator.pid() + " log=" + operator.log());
        if (stopped) {
          return STOPPED;
        }
        SimContext chainContext =
            new SimContext(
                context.env(),
                progress.prefixed("chain: "),
                context.err(),
                SimNet.IDENTITY,
                context.client());
        try (ClusterUp.RunningChain chain =
            ClusterUp.startChain(scenario.chain(chainListen), chainContext)) {
          return rehearse(
              cluster.controlPlane().client(), chain.url(), progress, start, startNanos);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (stopped) {
        context.fatal("rehearse: stopped");
        return STOPPED;
      }
      context.fatal("rehearse: could not run: " + e.getMessage());
      return ENVIRONMENT;
    }
  }

  private int rehearse(
      KubernetesClient client, String chainUrl, Progress progress, Instant start, long startNanos) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    Recorder recorder =
        new Recorder(
            client,
            NAMESPACE,
            chainUrl,
            context.http(),
            progress,
            start,
            startNanos,
            settings.sampleMillis());
    Session session =
        new Session(
            client,
            NAMESPACE,
            chainUrl,
            context.http(),
            progress,
            recorder,
            settings.timeout(),
            stop);
    recorder.start();
    Long changeAt = null;
    String failure = null;
    boolean interrupted = false;
    try {
      scenario.setUp(session);
      awaitSteady(session, recorder);
      changeAt = recorder.now();
      progress.line("change: " + scenario.change(session));
      scenario.awaitDone(session);
      progress.line("change done after " + Progress.seconds(recorder.now() - changeAt));
      awaitSteady(session, recorder);
      scenario.settle(session, settings.settleBlocks());
    } catch (RehearsalException e) {
      switch (e.kind()) {
        case BAD_INPUT -> {
          recorder.finish(true);
          context.fatal("rehearse: " + e.getMessage());
          return BAD_INPUT;
        }
        case INTERRUPTED -> interrupted = true;
        case NOT_MET -> progress.line("not met: " + e.getMessage());
      }
      failure = e.getMessage();
    }
    Recorder.Observations seen = recorder.finish(!interrupted);
    Report report = report(session, seen, start, changeAt, failure, interrupted);
    try {
      ReportWriter.write(report, settings.out());
    } catch (IOException e) {
      context.fatal("rehearse: cannot write the report: " + e.getMessage());
      return ENVIRONMENT;
    }
    for (Expectation x : report.expectations()) {
      progress.line((x.met() ? "met     " : "NOT MET ") + x.name() + ": " + x.detail());
    }
    progress.line("report " + settings.out().resolve("report.html") + " and report.json");
    if (interrupted) {
      context.fatal("rehearse: stopped");
      return STOPPED;
    }
    if (!report.passed()) {
      context.fatal("rehearse: FAILED: " + String.join("; ", report.failures()));
      return NOT_MET;
    }
    progress.line("rehearse " + scenario.name() + ": every expectation met");
    return MET;
  }

  /**
   * The workload serves in full: the judged Service has all its ready endpoints and every node is
   * within {@value #CAUGHT_UP_LAG} blocks of the chain — the state a change starts from and the one
   * it must return to.
   */
  private void awaitSteady(Session session, Recorder recorder) throws RehearsalException {
    int endpoints = scenario.servingEndpoints();
    session.await(
        "Service "
            + scenario.service()
            + " to have "
            + endpoints
            + " ready endpoint(s) and every node to catch up with the chain",
        settings.timeout(),
        () ->
            recorder.endpoints(scenario.service()) >= endpoints && recorder.caughtUp(CAUGHT_UP_LAG),
        steady -> steady,
        Session.neverFails());
  }

  private Report report(
      Session session,
      Recorder.Observations seen,
      Instant start,
      Long changeAt,
      String failure,
      boolean interrupted) {
    List<NodeTimeline> nodes = new ArrayList<>();
    Map<String, String> roles = new LinkedHashMap<>();
    for (NodeTimeline n : seen.nodes()) {
      String role = scenario.role(n.name(), changeAt == null || n.createdAt() <= changeAt);
      roles.put(n.name(), role);
      nodes.add(
          new NodeTimeline(
              n.name(),
              role,
              n.image(),
              n.createdAt(),
              n.firstReadyAt(),
              n.deletingAt(),
              n.goneAt(),
              n.heights(),
              n.ready(),
              n.events(),
              n.podCycles(),
              n.crashes(),
              n.downtimeMs()));
    }
    List<Crash> crashes =
        seen.crashes().stream()
            .map(
                c ->
                    new Crash(
                        c.t(),
                        c.node(),
                        c.pod(),
                        c.container(),
                        c.image(),
                        c.exitCode(),
                        c.message(),
                        scenario.expected(c, roles.getOrDefault(c.node(), "?"))))
            .toList();
    List<DoubleSign> evidence = evidence(session);
    List<Expectation> expectations = new ArrayList<>();
    try {
      if (interrupted) {
        // the control plane may be stopping too (its own shutdown hook): report what was seen
        expectations.add(
            new Expectation(
                scenario.name(),
                "the scenario's checks against the cluster",
                false,
                "not checked: " + failure));
      } else {
        expectations.addAll(scenario.expectations(session, seen, failure));
      }
    } catch (RuntimeException e) {
      expectations.add(
          new Expectation(
              scenario.name(),
              "the scenario's checks against the cluster",
              false,
              "could not be checked: " + e.getMessage()));
    }
    expectations.add(
        new Expectation(
            "no-double-sign",
            "the chain's /evidence is empty",
            evidence != null && evidence.isEmpty(),
            evidence == null
                ? "could not read /evidence"
                : evidence.isEmpty()
                    ? "no evidence"
                    : evidence.size() + " evidence record(s): " + evidence.get(0)));
    List<Crash> unexpected = crashes.stream().filter(c -> !c.expected()).toList();
    long expectedCount = crashes.size() - unexpected.size();
    expectations.add(
        new Expectation(
            "no-unexpected-crash",
            "no container exits non-zero except an old binary stopping at the upgrade",
            unexpected.isEmpty(),
            unexpected.isEmpty()
                ? expectedCount + " expected crash(es), none other"
                : unexpected.size()
                    + " unexpected crash(es), first: "
                    + unexpected.get(0).pod()
                    + " "
                    + unexpected.get(0).container()
                    + " ("
                    + unexpected.get(0).image()
                    + ") exited "
                    + unexpected.get(0).exitCode()
                    + ": "
                    + unexpected.get(0).message()));
    ServiceDowntime service =
        seen.services().stream()
            .filter(x -> x.name().equals(scenario.service()))
            .findFirst()
            .orElse(null);
    long bound = settings.maxServiceDowntime().toMillis();
    expectations.add(
        new Expectation(
            "service-downtime",
            "Service "
                + scenario.service()
                + " without a ready endpoint at most "
                + Progress.seconds(bound)
                + " in total",
            service != null
                && service.firstServedAt() != null
                && service.downtimeMs() <= bound
                && service.outages().stream().allMatch(o -> o.to() != null),
            service == null || service.firstServedAt() == null
                ? "never had a ready endpoint"
                : Progress.seconds(service.downtimeMs())
                    + " in "
                    + service.outages().size()
                    + " outage(s)"
                    + (service.outages().stream().anyMatch(o -> o.to() == null)
                        ? ", still without an endpoint at the end"
                        : "")));
    List<String> failures =
        expectations.stream().filter(x -> !x.met()).map(x -> x.name() + ": " + x.detail()).toList();
    String outcome =
        interrupted ? Report.INTERRUPTED : failures.isEmpty() ? Report.PASSED : Report.FAILED;
    Map<String, Object> parameters = new LinkedHashMap<>(scenario.parameters());
    parameters.put("blockTimeMs", settings.blockTimeMs());
    parameters.put("snapshotInterval", settings.snapshotInterval());
    parameters.put("maxServiceDowntimeMs", bound);
    parameters.put("settleBlocks", settings.settleBlocks());
    parameters.put("timeoutSeconds", settings.timeout().toSeconds());
    parameters.put("sampleMs", settings.sampleMillis());
    return new Report(
        scenario.name(),
        parameters,
        start.toString(),
        seen.end(),
        changeAt,
        outcome,
        failures,
        expectations,
        seen.chain(),
        nodes,
        seen.services(),
        crashes,
        seen.plans(),
        seen.signing(),
        evidence);
  }

  private static List<DoubleSign> evidence(Session session) {
    try {
      List<DoubleSign> list = new ArrayList<>();
      for (JsonNode e : session.chain("/evidence").path("evidence")) {
        List<String> signers = new ArrayList<>();
        e.path("signers").forEach(x -> signers.add(x.asText()));
        list.add(new DoubleSign(e.path("address").asText(), e.path("height").asLong(), signers));
      }
      return list;
    } catch (IOException e) {
      return null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
