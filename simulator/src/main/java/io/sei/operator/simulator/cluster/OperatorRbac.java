package io.sei.operator.simulator.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Helm chart's RBAC, installed from the chart's rules files (on the classpath under {@code
 * operator-rbac/}) the way the chart installs it, for an operator run against a local control
 * plane: the operator's ServiceAccount, its cluster-scoped rules, its namespaced rules cluster-wide
 * or as Roles in each watched namespace, its leader-election Role, and the node-proxy ClusterRole
 * with its binding (shared by every operator of the cluster, never removed).
 */
public final class OperatorRbac {
  private OperatorRbac() {}

  /** The chart's fixed name of the node-proxy ClusterRole and ClusterRoleBinding. */
  public static final String NODE_PROXY = "sei-node-proxy";

  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  /**
   * Creates ServiceAccount {@code account} in {@code namespace} (and the namespace) and grants it
   * what the chart grants the operator.
   *
   * @param name name of the operator's ClusterRole, ClusterRoleBinding and Roles (unique per
   *     operator of the cluster)
   * @param watchNamespaces the chart's {@code watchNamespaces}: empty for cluster-wide rights
   */
  public static void install(
      KubernetesClient admin,
      String namespace,
      String account,
      String name,
      Set<String> watchNamespaces) {
    upsert(
        admin, new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
    upsert(
        admin,
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withName(account)
            .withNamespace(namespace)
            .endMetadata()
            .build());
    Subject subject = serviceAccount(namespace, account);
    List<PolicyRule> clusterRules = new ArrayList<>(rules("node-proxy-binding-rules.yaml"));
    if (watchNamespaces.isEmpty()) {
      clusterRules.addAll(rules("clusterrole-rules.yaml"));
    }
    upsert(
        admin,
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withRules(clusterRules)
            .build());
    upsert(
        admin,
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewRoleRef(RBAC_GROUP, "ClusterRole", name)
            .withSubjects(subject)
            .build());
    for (String watched : watchNamespaces) {
      role(admin, watched, name, rules("clusterrole-rules.yaml"), subject);
    }
    role(admin, namespace, name + "-leader-election", rules("leader-election-rules.yaml"), subject);
    installNodeProxy(admin);
  }

  /**
   * The ClusterRole {@value #NODE_PROXY} (TokenReview and SubjectAccessReview) and its binding,
   * created without subjects when missing; an existing binding keeps the subjects operators added.
   */
  public static void installNodeProxy(KubernetesClient admin) {
    upsert(
        admin,
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(NODE_PROXY)
            .endMetadata()
            .withRules(rules("node-proxy-rules.yaml"))
            .build());
    if (admin.rbac().clusterRoleBindings().withName(NODE_PROXY).get() != null) {
      return;
    }
    try {
      admin
          .rbac()
          .clusterRoleBindings()
          .resource(
              new ClusterRoleBindingBuilder()
                  .withNewMetadata()
                  .withName(NODE_PROXY)
                  .endMetadata()
                  .withNewRoleRef(RBAC_GROUP, "ClusterRole", NODE_PROXY)
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  /** A binding's subject: ServiceAccount {@code name} of {@code namespace}. */
  public static Subject serviceAccount(String namespace, String name) {
    return new SubjectBuilder()
        .withKind("ServiceAccount")
        .withName(name)
        .withNamespace(namespace)
        .build();
  }

  /** Removes the operator's cluster-scoped ClusterRole and ClusterRoleBinding {@code name}. */
  public static void uninstall(KubernetesClient admin, String name) {
    admin.rbac().clusterRoleBindings().withName(name).delete();
    admin.rbac().clusterRoles().withName(name).delete();
  }

  /** A rules file of the chart ({@code files/<file>}), the one source of an RBAC role's rules. */
  public static List<PolicyRule> rules(String file) {
    try (InputStream in = OperatorRbac.class.getResourceAsStream("/operator-rbac/" + file)) {
      if (in == null) {
        throw new IllegalStateException("operator-rbac/" + file + " is not on the classpath");
      }
      return Serialization.unmarshal(in, new TypeReference<List<PolicyRule>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void role(
      KubernetesClient admin,
      String namespace,
      String name,
      List<PolicyRule> rules,
      Subject subject) {
    upsert(
        admin,
        new RoleBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withRules(rules)
            .build());
    upsert(
        admin,
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withNewRoleRef(RBAC_GROUP, "Role", name)
            .withSubjects(subject)
            .build());
  }

  private static void upsert(KubernetesClient admin, HasMetadata object) {
    admin.resource(object).fieldManager("sei-operator-rbac").forceConflicts().serverSideApply();
  }
}
