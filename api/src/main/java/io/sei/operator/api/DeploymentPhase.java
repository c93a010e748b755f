package io.sei.operator.api;

/** Lifecycle phase of a SeiNodeDeployment. */
public enum DeploymentPhase {
  Pending,
  Initializing,
  Ready,
  Upgrading,
  Degraded,
  Failed,
  Terminating;
}
