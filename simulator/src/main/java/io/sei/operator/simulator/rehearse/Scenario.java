package io.sei.operator.simulator.rehearse;

import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.rehearse.Report.Crash;
import io.sei.operator.simulator.rehearse.Report.Expectation;
import java.util.List;
import java.util.Map;

/** One named rehearsal: the chain it needs, the workload, the change, and what must hold. */
interface Scenario {

  String name();

  /** The resolved parameters, for the report. */
  Map<String, Object> parameters();

  ChainConfig chain(String listen);

  /** The Service whose downtime is judged (the group's, or the node's own). */
  String service();

  /** Ready endpoints behind {@link #service()} when the workload serves in full. */
  int servingEndpoints();

  /** Creates the workload and waits until it serves. */
  void setUp(Session session) throws RehearsalException;

  /** Applies the change; returns what it did, in one line. */
  String change(Session session) throws RehearsalException;

  /** Waits until the change has finished; {@code NOT_MET} with the reason when it failed. */
  void awaitDone(Session session) throws RehearsalException;

  /** Once done: keeps watching for {@code settleBlocks} more blocks. */
  void settle(Session session, long settleBlocks) throws RehearsalException;

  /** A node's role in the report ({@code incumbent}, {@code entrant}, {@code validator}). */
  String role(String node, boolean existedBeforeChange);

  /** Whether this crash is part of the plan (an old binary stopping at the upgrade). */
  boolean expected(Crash crash, String role);

  /**
   * The scenario's own expectations, checked against the live cluster and the observations. {@code
   * failure} is why {@link #awaitDone} gave up, or null.
   */
  List<Expectation> expectations(Session session, Recorder.Observations seen, String failure);
}
