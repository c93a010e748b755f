package io.sei.operator.planner.task;

/**
 * Params of {@code apply-rbac-proxy-config}: apply the node's {@code <node>-rbac-proxy-config}
 * ConfigMap.
 */
public record ApplyRbacProxyConfigParams() implements TaskParams {}
