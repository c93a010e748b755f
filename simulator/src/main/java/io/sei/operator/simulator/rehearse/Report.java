package io.sei.operator.simulator.rehearse;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a rehearsal observed and concluded; written as {@code report.json} and rendered as {@code
 * report.html}. Every time {@code t}, {@code from}, {@code to} is in milliseconds since {@code
 * startedAt} (the moment observation began).
 *
 * @param scenario {@code hard-fork} or {@code signing-key-cutover}
 * @param parameters the command line's values, resolved
 * @param outcome {@code passed}, {@code failed} or {@code interrupted}
 * @param changeAt when the change (new image, signing key) was applied
 * @param failures one line per expectation not met (empty when passed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
    String scenario,
    Map<String, Object> parameters,
    String startedAt,
    long durationMs,
    Long changeAt,
    String outcome,
    List<String> failures,
    List<Expectation> expectations,
    ChainTimeline chain,
    List<NodeTimeline> nodes,
    List<ServiceDowntime> services,
    List<Crash> crashes,
    List<PlanDurations> plans,
    List<Signing> signing,
    List<DoubleSign> doubleSign) {

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  public static final String INTERRUPTED = "interrupted";

  public boolean passed() {
    return PASSED.equals(outcome);
  }

  /** One checked expectation. */
  public record Expectation(String name, String description, boolean met, String detail) {}

  /** A height observed at {@code t}; a null height is a gap (nothing answered). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Point(long t, Long height) {}

  /** A span of time; {@code to} is null while it lasted to the end of the rehearsal. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Interval(long from, Long to, String label) {
    public long length(long end) {
      return (to == null ? end : to) - from;
    }
  }

  /**
   * Something that happened to a node: {@code created}, {@code phase}, {@code plan}, {@code
   * pod-created}, {@code pod-deleted}, {@code ready}, {@code not-ready}, {@code crash}, {@code
   * exit}, {@code deleting}, {@code deleted}.
   */
  public record Event(long t, String kind, String detail) {}

  /** The chain's height over time and the spans it stood halted at an upgrade. */
  public record ChainTimeline(List<Point> heights, List<Interval> halts, long finalHeight) {}

  /**
   * One SeiNode. Its downtime is the time, between first becoming Ready and its deletion (or the
   * end), during which no production pod of it was Ready.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NodeTimeline(
      String name,
      String role,
      String image,
      Long createdAt,
      Long firstReadyAt,
      Long deletingAt,
      Long goneAt,
      List<Point> heights,
      List<Interval> ready,
      List<Event> events,
      int podCycles,
      int crashes,
      long downtimeMs) {}

  /**
   * A Service's downtime: from its first ready endpoint to the end, the time with none — its
   * selector evaluated against the Ready pods at each sample (this backend publishes no endpoints).
   */
  public record ServiceDowntime(
      String name,
      Long firstServedAt,
      long downtimeMs,
      List<Interval> outages,
      List<Event> selectorChanges) {}

  /** A container that terminated with a non-zero exit code. */
  public record Crash(
      long t,
      String node,
      String pod,
      String container,
      String image,
      int exitCode,
      String message,
      boolean expected) {}

  /** One plan of a SeiNode or SeiNodeDeployment with its tasks' durations. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlanDurations(
      String owner, String planId, String outcome, Long durationMs, List<TaskDuration> tasks) {}

  /**
   * One task: {@code submittedAt}/{@code completedAt} as the operator recorded them (RFC 3339,
   * whole seconds). A plan is cleared in the reconcile that completes its last task — often with
   * the tasks before it that ran in the same reconcile — so the tasks never written Complete end
   * when the plan was seen gone and, if never written as started, start when the task before ended
   * ({@code completionObserved}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TaskDuration(
      int index,
      String type,
      String status,
      String submittedAt,
      String completedAt,
      Long durationMs,
      boolean completionObserved) {}

  /**
   * A validator key's signatures as the chain recorded them: the window runs from its first signed
   * height to the chain's height at the end (less one block in flight); {@code missed} = window −
   * signed.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Signing(
      String node,
      String address,
      long signed,
      Long firstSignedHeight,
      Long lastSignedHeight,
      long chainHeight,
      long missed) {}

  /** Double-sign evidence: one key, one height, two signers. */
  public record DoubleSign(String address, long height, List<String> signers) {}
}
