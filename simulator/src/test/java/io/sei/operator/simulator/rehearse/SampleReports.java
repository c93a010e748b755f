package io.sei.operator.simulator.rehearse;

import io.sei.operator.simulator.rehearse.Report.ChainTimeline;
import io.sei.operator.simulator.rehearse.Report.Crash;
import io.sei.operator.simulator.rehearse.Report.Event;
import io.sei.operator.simulator.rehearse.Report.Expectation;
import io.sei.operator.simulator.rehearse.Report.Interval;
import io.sei.operator.simulator.rehearse.Report.NodeTimeline;
import io.sei.operator.simulator.rehearse.Report.PlanDurations;
import io.sei.operator.simulator.rehearse.Report.Point;
import io.sei.operator.simulator.rehearse.Report.ServiceDowntime;
import io.sei.operator.simulator.rehearse.Report.Signing;
import io.sei.operator.simulator.rehearse.Report.TaskDuration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-made hard-fork report: an incumbent crashing at the upgrade, an entrant taking over. */
final class SampleReports {
  private SampleReports() {}

  static Report hardFork(String outcome, List<Expectation> expectations) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("replicas", 1);
    parameters.put("from", "sei-sim:v6.3.0");
    parameters.put("to", "sei-sim:v6.4.0");
    parameters.put("upgradeHeight", 40);
    NodeTimeline incumbent =
        new NodeTimeline(
            "pacific-g1-0",
            "incumbent",
            "sei-sim:v6.3.0",
            1_000L,
            3_000L,
            14_000L,
            14_500L,
            List.of(
                new Point(3_000, 5L),
                new Point(8_000, 30L),
                new Point(10_000, 39L),
                new Point(10_200, null)),
            List.of(new Interval(3_000, 10_200L, null)),
            List.of(
                new Event(1_200, "pod-created", "pacific-g1-0-0 (production, sei-sim:v6.3.0)"),
                new Event(10_200, "crash", "seid exited 2: panic: UPGRADE \"v6.4.0\" NEEDED"),
                new Event(14_000, "deleting", "SeiNode deleted (teardown)")),
            0,
            1,
            3_800);
    NodeTimeline entrant =
        new NodeTimeline(
            "pacific-g2-0",
            "entrant",
            "sei-sim:v6.4.0",
            6_000L,
            13_000L,
            null,
            null,
            List.of(new Point(9_000, 20L), new Point(11_000, 39L), new Point(13_000, 45L)),
            List.of(new Interval(13_000, null, null)),
            List.of(new Event(6_100, "pod-created", "pacific-g2-0-bootstrap-x <script>")),
            0,
            0,
            0);
    return new Report(
        "hard-fork",
        parameters,
        "2026-11-22T13:00:00Z",
        16_000,
        5_000L,
        outcome,
        expectations.stream().filter(x -> !x.met()).map(x -> x.name() + ": " + x.detail()).toList(),
        expectations,
        new ChainTimeline(
            List.of(new Point(2_000, 1L), new Point(10_000, 39L), new Point(16_000, 48L)),
            List.of(new Interval(10_000, 12_000L, "halted at 39 for upgrade v6.4.0")),
            48),
        List.of(incumbent, entrant),
        List.of(
            new ServiceDowntime(
                "pacific",
                3_000L,
                2_800,
                List.of(new Interval(10_200, 13_000L, null)),
                List.of(new Event(13_000, "selector", "sei.io/revision=abc")))),
        List.of(
            new Crash(
                10_200,
                "pacific-g1-0",
                "pacific-g1-0-0",
                "seid",
                "sei-sim:v6.3.0",
                2,
                "panic: UPGRADE \"v6.4.0\" NEEDED at height: 40:",
                true)),
        List.of(
            new PlanDurations(
                "deployment pacific",
                "p-1",
                "Complete",
                9_000L,
                List.of(
                    new TaskDuration(
                        1,
                        "create-entrant-nodes",
                        "Complete",
                        "2026-11-22T13:00:05Z",
                        "2026-11-22T13:00:05Z",
                        0L,
                        false),
                    new TaskDuration(
                        2,
                        "teardown-nodes",
                        "Complete",
                        "2026-11-22T13:00:13Z",
                        "2026-11-22T13:00:14.500Z",
                        1_500L,
                        true)))),
        List.of(new Signing("validator", "ABCD", 10, 21L, 30L, 31, 0)),
        List.of());
  }

  static List<Expectation> allMet() {
    return List.of(
        new Expectation("rollout-complete", "Ready on a new revision", true, "Ready"),
        new Expectation("service-downtime", "at most 30.0 s", true, "2.8 s in 1 outage(s)"));
  }
}
