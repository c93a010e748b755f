package io.sei.operator.planner.task;

/**
 * Params of {@code deploy-bootstrap-job}: a Job running {@code image} as {@code seid start
 * --halt-height <haltHeight>} on the node's data PVC.
 */
public record DeployBootstrapJobParams(String image, long haltHeight) implements TaskParams {
  public DeployBootstrapJobParams {
    Require.text(image, "image");
    Require.atLeast(haltHeight, 1, "haltHeight");
  }
}
