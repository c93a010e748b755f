package io.sei.operator.task;

import io.sei.operator.planner.task.ApplyRbacProxyConfigParams;
import io.sei.operator.render.RbacProxyConfigMap;

/** {@code apply-rbac-proxy-config}: the proxy's SubjectAccessReview ConfigMap. */
final class ApplyRbacProxyConfig implements TaskExecution<ApplyRbacProxyConfigParams> {
  @Override
  public Progress run(TaskContext context, ApplyRbacProxyConfigParams params) {
    context.apply(RbacProxyConfigMap.render(context.node()));
    return Progress.done();
  }
}
