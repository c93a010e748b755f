package io.sei.operator.planner.task;

/**
 * Params of {@code deploy-bootstrap-service}: the Service that reaches the bootstrap pod's proxy
 * (8443).
 */
public record DeployBootstrapServiceParams() implements TaskParams {}
