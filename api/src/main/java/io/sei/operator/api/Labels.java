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

  /** Template revision (hash) a SeiNode of a deployment was created from. */
  public static final String REVISION = "sei.io/revision";

  /** Role of a pod: production (StatefulSet) or bootstrap (Job). */
  public static final String ROLE = "sei.io/role";

  public static final String ROLE_PRODUCTION = "production";
  public static final String ROLE_BOOTSTRAP = "bootstrap";
}
