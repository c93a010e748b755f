package io.sei.operator.api;

/** Label and annotation keys the operator sets and selects on. */
public final class Labels {
  private Labels() {}

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "sei-operator";

  /** Name of the SeiNode a child object belongs to. */
  public static final String NODE = "sei.io/node";

  /** Name of the SeiNodeDeployment a SeiNode belongs to. */
  public static final String DEPLOYMENT = "sei.io/deployment";

  /**
   * On a SeiNode of a deployment whose {@code deletionPolicy} is Retain, and on its data PVC: the
   * PVC is not owned by the node, so deleting the deployment (or the node) keeps the data.
   */
  public static final String RETAIN_DATA = "sei.io/retain-data";

  public static final String RETAIN_DATA_VALUE = "true";

  /** Template revision (hash) a SeiNode of a deployment was created from. */
  public static final String REVISION = "sei.io/revision";

  /** Role of a pod: production (StatefulSet) or bootstrap (Job). */
  public static final String ROLE = "sei.io/role";

  public static final String ROLE_PRODUCTION = "production";
  public static final String ROLE_BOOTSTRAP = "bootstrap";
}
