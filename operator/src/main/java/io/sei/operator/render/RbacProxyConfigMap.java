package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.sei.operator.api.SeiNode;

/**
 * The kube-rbac-proxy config {@code <node>-rbac-proxy-config}: every call to the node's sidecar is
 * authorized by a SubjectAccessReview on {@code seinodetasks.sei.io} named after the node in its
 * namespace. The proxy takes the verb from the HTTP method (POST is {@code create}, GET is {@code
 * get}, DELETE is {@code delete}).
 */
public final class RbacProxyConfigMap {
  private RbacProxyConfigMap() {}

  /** Key of the config file in the ConfigMap. */
  public static final String CONFIG_KEY = "config.yaml";

  /** Where the proxy container mounts the ConfigMap. */
  public static final String MOUNT_PATH = "/etc/kube-rbac-proxy";

  public static final String API_GROUP = "sei.io";
  public static final String RESOURCE = "seinodetasks";

  public static ConfigMap render(SeiNode node) {
    String config =
        "authorization:\n"
            + "  resourceAttributes:\n"
            + "    namespace: \""
            + node.getMetadata().getNamespace()
            + "\"\n"
            + "    apiGroup: \""
            + API_GROUP
            + "\"\n"
            + "    resource: \""
            + RESOURCE
            + "\"\n"
            + "    name: \""
            + node.getMetadata().getName()
            + "\"\n";
    return new ConfigMapBuilder()
        .withMetadata(Ownership.childMetadata(node, Names.rbacProxyConfig(node)))
        .addToData(CONFIG_KEY, config)
        .build();
  }
}
