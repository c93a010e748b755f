package io.sei.operator.api;

/**
 * What deleting a SeiNodeDeployment does: Delete removes its nodes and their data volumes, Retain
 * removes its nodes but keeps their data volumes.
 */
public enum DeletionPolicy {
  Delete,
  Retain;
}
