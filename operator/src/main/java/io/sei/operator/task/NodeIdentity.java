package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.api.Labels;
import io.sei.operator.config.NodeAccess;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node ServiceAccount of a namespace and its grant: the ServiceAccount is created when missing
 * (never changed or owned: other nodes of the namespace share it) and added as a subject to the
 * ClusterRoleBinding {@link NodeAccess#PROXY_ROLE}, which the chart installs with no subjects. The
 * binding's ClusterRole allows only {@code create} on TokenReviews and SubjectAccessReviews, what a
 * kube-rbac-proxy needs; the operator may update only that binding and bind only that role.
 */
final class NodeIdentity {
  private NodeIdentity() {}

  /**
   * Ensures both; waits (with the reason) while the chart's binding is missing.
   *
   * @return empty when both are in place, else why not yet
   */
  static Optional<String> ensure(KubernetesClient client, String namespace, String serviceAccount) {
    ensureServiceAccount(client, namespace, serviceAccount);
    return ensureSubject(client, namespace, serviceAccount);
  }

  private static void ensureServiceAccount(
      KubernetesClient client, String namespace, String serviceAccount) {
    var resource = client.serviceAccounts().inNamespace(namespace).withName(serviceAccount);
    if (resource.get() != null) {
      return;
    }
    ServiceAccount account =
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withName(serviceAccount)
            .withNamespace(namespace)
            .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
            .endMetadata()
            // Pods of this account mount tokens only where they ask for one (the proxy).
            .withAutomountServiceAccountToken(false)
            .build();
    try {
      client.serviceAccounts().inNamespace(namespace).resource(account).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private static Optional<String> ensureSubject(
      KubernetesClient client, String namespace, String serviceAccount) {
    ClusterRoleBinding binding =
        client.rbac().clusterRoleBindings().withName(NodeAccess.PROXY_ROLE).get();
    if (binding == null) {
      return Optional.of(
          "ClusterRoleBinding "
              + NodeAccess.PROXY_ROLE
              + " does not exist: install it with the chart (it lets node pods' kube-rbac-proxy"
              + " authenticate callers); without it every sidecar call would be refused");
    }
    Subject subject =
        new SubjectBuilder()
            .withKind("ServiceAccount")
            .withName(serviceAccount)
            .withNamespace(namespace)
            .build();
    List<Subject> subjects =
        new ArrayList<>(Optional.ofNullable(binding.getSubjects()).orElse(List.of()));
    boolean present =
        subjects.stream()
            .anyMatch(
                s ->
                    "ServiceAccount".equals(s.getKind())
                        && serviceAccount.equals(s.getName())
                        && namespace.equals(s.getNamespace()));
    if (present) {
      return Optional.empty();
    }
    subjects.add(subject);
    binding.setSubjects(subjects);
    try {
      // An update carries the resourceVersion read above: a concurrent edit answers 409.
      client.rbac().clusterRoleBindings().resource(binding).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return Optional.of(
            "ClusterRoleBinding " + NodeAccess.PROXY_ROLE + " changed meanwhile; retrying");
      }
      throw e;
    }
    return Optional.empty();
  }
}
