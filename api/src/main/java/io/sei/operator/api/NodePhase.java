package io.sei.operator.api;

/** Lifecycle phase of a SeiNode. */
public enum NodePhase {
  Pending,
  Initializing,
  Running,
  Failed,
  Terminating;
}
