package io.sei.operator.task;

import io.sei.operator.config.NodeAccess;
import io.sei.operator.planner.task.ApplyRbacProxyConfigParams;
import io.sei.operator.render.NodeNetworkPolicy;
import io.sei.operator.render.RbacProxyConfigMap;
import java.util.Optional;

/**
 * {@code apply-rbac-proxy-config}: what a node pod's kube-rbac-proxy needs before the pod exists —
 * its SubjectAccessReview ConfigMap, the node ServiceAccount with its grant ({@link NodeIdentity})
 * and, when enabled, the node's NetworkPolicy.
 */
final class ApplyRbacProxyConfig implements TaskExecution<ApplyRbacProxyConfigParams> {
  @Override
  public Progress run(TaskContext context, ApplyRbacProxyConfigParams params) {
    NodeAccess access = context.services().config().nodeAccess();
    Optional<String> identity =
        NodeIdentity.ensure(
            context.services().client(), context.namespace(), access.serviceAccount());
    if (identity.isPresent()) {
      return Progress.waiting(identity.get());
    }
    context.apply(RbacProxyConfigMap.render(context.node()));
    access
        .networkPolicy()
        .ifPresent(operator -> context.apply(NodeNetworkPolicy.render(context.node(), operator)));
    return Progress.done();
  }
}
