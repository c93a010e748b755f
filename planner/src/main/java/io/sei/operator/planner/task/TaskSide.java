package io.sei.operator.planner.task;

/** Who carries a task out. */
public enum TaskSide {
  /** The operator, against the Kubernetes API, on behalf of one SeiNode. */
  KUBERNETES,
  /** The node's sidecar: the operator submits the task over HTTP ({@code POST /v0/tasks}). */
  SIDECAR,
  /** The operator, on behalf of a SeiNodeDeployment, acting on its child SeiNodes. */
  GROUP
}
