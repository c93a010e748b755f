package io.sei.operator.config;

import java.util.Map;
import java.util.Optional;

/**
 * Who node pods are and who may reach them.
 *
 * @param serviceAccount the ServiceAccount of every node and bootstrap pod; only its
 *     kube-rbac-proxy gets its token
 * @param networkPolicy when present, a NetworkPolicy per node admits port 8443 only from these
 *     operator pods
 */
public record NodeAccess(String serviceAccount, Optional<OperatorPods> networkPolicy) {
  /**
   * The ClusterRole that lets a node's kube-rbac-proxy create TokenReviews and
   * SubjectAccessReviews, and the ClusterRoleBinding the operator adds each namespace's node
   * ServiceAccount to. Installed by the chart under these fixed names.
   */
  public static final String PROXY_ROLE = "sei-node-proxy";

  /**
   * The operator's pods, by namespace and labels.
   *
   * @param namespace the operator's namespace
   * @param labels labels every operator pod carries
   */
  public record OperatorPods(String namespace, Map<String, String> labels) {}
}
