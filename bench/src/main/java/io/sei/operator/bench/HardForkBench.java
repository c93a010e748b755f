package io.sei.operator.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentSpec;
import io.sei.operator.api.SeiNodeTemplate;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.SimChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Benchmark 4: a hard-fork rollout of a SeiNodeDeployment of N replicas (the flow of
 * SeiNodeDeploymentIT). The chain halts at the upgrade height H; the rollout is started {@value
 * #LEAD_BLOCKS} blocks before it. The chain-imposed wait is the time from the spec edit until the
 * chain reaches H-1 (the entrants' bootstrap halt height): no operator can finish sooner. The rest
 * of the rollout is operator overhead (with the simulated pods' start-up), broken down by plan
 * task.
 */
public final class HardForkBench {
  private static final long BLOCK_MS = 100;
  private static final long LEAD_BLOCKS = 100;
  private static final Duration TIMEOUT = Duration.ofMinutes(6);
  private static final String V1 = "sei-sim:v1.0.0";
  private static final String V2 = "sei-sim:v2.0.0";

  private HardForkBench() {}

  public static Report run(Bench.Settings settings) throws Exception {
    Report report =
        new Report(
            "hardfork",
            "hard-fork rollout: operator overhead beyond the chain's wait",
            settings.console());
    report.put("blockTimeMs", BLOCK_MS);
    report.put("leadBlocks", LEAD_BLOCKS);
    List<List<Object>> summary = new ArrayList<>();
    Map<String, Object> all = new LinkedHashMap<>();
    for (int n : settings.hardForkReplicas()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      all.put(Integer.toString(n), figures);
      try {
        summary.add(replicas(n, settings, report, figures));
      } catch (Exception e) {
        figures.put("error", e.toString());
        report.note("N=" + n + " aborted: " + e);
        summary.add(List.of(n, "aborted", "-", "-", "-"));
      }
    }
    report.put("replicas", all);
    report.table(
        "Hard-fork rollout, seconds from the spec edit",
        List.of(
            "N",
            "deploy N (s)",
            "chain wait to H-1",
            "rollout total",
            "operator overhead (after chain at H-1)"),
        summary);
    return report;
  }

  private static List<Object> replicas(
      int n, Bench.Settings settings, Report report, Map<String, Object> figures) throws Exception {
    // Room to deploy the incumbents before the chain nears H: ~40 s plus 6 s a replica.
    long haltHeight = (40_000 + 6_000L * n) / BLOCK_MS;
    figures.put("haltHeight", haltHeight);
    try (BenchCluster cluster = BenchCluster.start(settings.work("hardfork-" + n), 0);
        SimChain chain =
            new SimChain(BLOCK_MS, List.of(Upgrade.parse("v2.0.0@" + haltHeight)), 5)) {
      Observer.await(() -> height(chain) >= 10, Duration.ofSeconds(30));
      LocalCluster ns = cluster.namespace("hardfork");
      try (ChildOperator operator =
              cluster.operator(ns, Map.of("SEI_S3_ENDPOINT", chain.url()), "1g");
          Observer observer = new Observer(ns.client(), ns.namespace())) {
        long deployStart = System.nanoTime();
        create(ns, chain, n, haltHeight);
        SeiNodeDeployment ready = awaitReady(ns, null, operator);
        double deploy = Report.seconds(System.nanoTime() - deployStart);
        long heightReady = height(chain);
        if (heightReady > haltHeight - LEAD_BLOCKS) {
          throw new IllegalStateException(
              "incumbents Ready at height "
                  + heightReady
                  + ", too close to the halt height "
                  + haltHeight);
        }
        Observer.await(() -> height(chain) >= haltHeight - LEAD_BLOCKS, Duration.ofMinutes(5));

        long edit = System.nanoTime();
        long editHeight = height(chain);
        AtomicLong chainAtHaltMinusOne = new AtomicLong();
        Thread watcher =
            new Thread(
                () -> {
                  while (chainAtHaltMinusOne.get() == 0 && !Thread.interrupted()) {
                    if (height(chain) >= haltHeight - 1) {
                      chainAtHaltMinusOne.set(System.nanoTime());
                    }
                    try {
                      Thread.sleep(10);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                },
                "chain-height");
        watcher.start();
        ns.client()
            .resources(SeiNodeDeployment.class)
            .inNamespace(ns.namespace())
            .withName("val")
            .edit(
                snd -> {
                  snd.getSpec().getTemplate().getSpec().setImage(V2);
                  return snd;
                });
        try {
          awaitReady(ns, ready.getStatus().getTemplateHash(), operator);
        } catch (IllegalStateException e) {
          figures.put("chainWaitSeconds", Report.seconds(chainAtHaltMinusOne.get() - edit));
          figures.put("notRunning", Diagnosis.notRunning(ns));
          throw e;
        }
        long done = System.nanoTime();
        watcher.interrupt();
        double total = Report.seconds(done - edit);
        double chainWait = Report.seconds(chainAtHaltMinusOne.get() - edit);
        double overhead = Samples.round(total - chainWait);
        figures.put("deploySeconds", deploy);
        figures.put("editHeight", editHeight);
        figures.put("rolloutSeconds", total);
        figures.put("chainWaitSeconds", chainWait);
        figures.put("operatorOverheadSeconds", overhead);
        figures.put("operatorLog", operator.log().toString());
        breakdown(
            n,
            report,
            figures,
            observer,
            edit,
            ready.getStatus().getIncumbentNodes(),
            List.of(
                List.of("chain", "reaches H-1 = " + (haltHeight - 1), "-", chainWait, "-"),
                List.of("deployment", "Ready, plan cleared", "-", total, "-")));
        return List.of(n, deploy, chainWait, total, overhead);
      }
    }
  }

  /**
   * Per plan task, seconds after the edit when it was first seen running and complete: the
   * deployment's rollout plan, and each task type of the entrants' bootstrap plans (median and max
   * over the entrants), then {@code milestones}. A task completed by the reconcile that finishes
   * its plan is never seen Complete: that status write clears the plan.
   */
  private static void breakdown(
      int n,
      Report report,
      Map<String, Object> figures,
      Observer observer,
      long edit,
      List<String> incumbents,
      List<List<Object>> milestones) {
    List<List<Object>> rows = new ArrayList<>();
    List<Map<String, Object>> json = new ArrayList<>();
    Predicate<Observer.TaskTiming> afterEdit =
        t -> t.completeNanos != null && t.completeNanos > edit;
    observer.tasks().stream()
        .filter(t -> t.kind.equals("SeiNodeDeployment"))
        .filter(afterEdit)
        .sorted(Comparator.comparingInt(t -> t.index))
        .forEach(
            t -> {
              Double started =
                  t.runningNanos == null ? null : Report.seconds(t.runningNanos - edit);
              double completed = Report.seconds(t.completeNanos - edit);
              rows.add(
                  List.of(
                      "deployment",
                      t.type,
                      started == null ? "-" : started,
                      completed,
                      t.submittedAt + " .. " + t.completedAt));
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("plan", "deployment");
              m.put("type", t.type);
              m.put("firstSeenRunningSeconds", started);
              m.put("completeSeconds", completed);
              m.put("submittedAt", t.submittedAt);
              m.put("completedAt", t.completedAt);
              json.add(m);
            });
    Map<String, List<Observer.TaskTiming>> entrantTasks =
        observer.tasks().stream()
            .filter(t -> t.kind.equals("SeiNode") && !incumbents.contains(t.resource))
            .filter(afterEdit)
            .sorted(Comparator.comparingInt(t -> t.index))
            .collect(
                Collectors.groupingBy(
                    t -> String.format("%02d %s", t.index, t.type),
                    java.util.TreeMap::new,
                    Collectors.toList()));
    entrantTasks.forEach(
        (key, timings) -> {
          List<Double> complete =
              timings.stream().map(t -> Report.seconds(t.completeNanos - edit)).toList();
          Map<String, Object> s = Samples.summary(complete);
          rows.add(
              List.of(
                  "entrant node x" + complete.size(),
                  key.substring(3),
                  "-",
                  s.get("median") + " (max " + s.get("max") + ")",
                  timings.stream()
                      .map(t -> t.completedAt)
                      .filter(Objects::nonNull)
                      .max(String::compareTo)
                      .orElse("-")));
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("plan", "entrant bootstrap");
          m.put("type", key.substring(3));
          m.put("completeSeconds", s);
          json.add(m);
        });
    rows.addAll(milestones);
    figures.put("tasks", json);
    report.table(
        "N=" + n + " plan tasks, seconds after the spec edit (stored timestamps are whole seconds)",
        List.of(
            "plan", "task", "first seen running", "complete", "stored submittedAt .. completedAt"),
        rows);
  }

  private static void create(LocalCluster ns, SimChain chain, int replicas, long haltHeight) {
    SeiNodeDeployment snd = new SeiNodeDeployment();
    snd.setMetadata(new ObjectMetaBuilder().withName("val").withNamespace(ns.namespace()).build());
    snd.setSpec(
        new SeiNodeDeploymentSpec()
            .withReplicas(replicas)
            .withUpdateStrategy(
                new UpdateStrategy()
                    .withType(UpdateStrategyType.HardFork)
                    .withHardFork(new HardForkStrategy().withHaltHeight(haltHeight)))
            .withTemplate(
                new SeiNodeTemplate()
                    .withSpec(Nodes.fullNodeFromSnapshot(chain, V1, 1_000_000, null))));
    ns.client().resource(snd).create();
  }

  /** Waits for phase Ready without a plan and with a template hash other than {@code notHash}. */
  private static SeiNodeDeployment awaitReady(
      LocalCluster ns, String notHash, ChildOperator operator) throws InterruptedException {
    SeiNodeDeployment[] found = new SeiNodeDeployment[1];
    boolean ready =
        Observer.await(
            () -> {
              SeiNodeDeployment snd =
                  ns.client()
                      .resources(SeiNodeDeployment.class)
                      .inNamespace(ns.namespace())
                      .withName("val")
                      .get();
              found[0] = snd;
              if (snd.getStatus() != null
                  && snd.getStatus().getPhase() == DeploymentPhase.Degraded) {
                throw new IllegalStateException(
                    "SeiNodeDeployment Degraded; see " + operator.log());
              }
              return snd.getStatus() != null
                  && snd.getStatus().getPhase() == DeploymentPhase.Ready
                  && snd.getStatus().getPlan() == null
                  && !snd.getStatus().getTemplateHash().equals(notHash);
            },
            TIMEOUT);
    if (!ready) {
      throw new IllegalStateException(
          "SeiNodeDeployment not Ready within " + TIMEOUT + "; see " + operator.log());
    }
    return found[0];
  }

  private static long height(SimChain chain) {
    try {
      return chain.height();
    } catch (Exception e) {
      return -1;
    }
  }
}
