package io.sei.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.sei.operator.testing.RbacUsage;
import io.sei.operator.testing.RbacUsage.Access;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The chart's rules grant the operator exactly what it uses: every access its requests needed in
 * this run of the integration tests (recorded by {@link RbacUsage}) is granted, and every granted
 * access was used, but for the few the API server or a proxy checks on the operator's behalf
 * (listed with their reason). Runs after every other test class, and checks unused grants only when
 * every integration test class of the module ran before it.
 */
@Order(Integer.MAX_VALUE)
class RbacCoverageIT {
  /** Granted, but checked by someone else than the API server's authorizer of our requests. */
  private static final Map<Access, String> CHECKED_ON_OUR_BEHALF =
      Map.of(
          new Access("sei.io", "seinodetasks", "create"),
          "kube-rbac-proxy's SubjectAccessReview for a task submission (POST)",
          new Access("sei.io", "seinodetasks", "get"),
          "kube-rbac-proxy's SubjectAccessReview for a task poll (GET)",
          new Access("sei.io", "seinodes/finalizers", "update"),
          "the OwnerReferencesPermissionEnforcement admission plugin (blockOwnerDeletion)",
          new Access("sei.io", "seinodedeployments/finalizers", "update"),
          "the OwnerReferencesPermissionEnforcement admission plugin (blockOwnerDeletion)",
          new Access("rbac.authorization.k8s.io", "clusterroles", "bind"),
          "RBAC's escalation check when the operator adds a subject to sei-node-proxy",
          new Access("coordination.k8s.io", "leases", "update"),
          "JOSDK's leader election starts only if a SelfSubjectRulesReview shows create, get and"
              + " update on Leases (it renews with patch)");

  /** Used, and granted to every authenticated user by Kubernetes' default ClusterRoles. */
  private static final Map<Access, String> GRANTED_BY_DEFAULT =
      Map.of(
          new Access("authorization.k8s.io", "selfsubjectrulesreviews", "create"),
          "JOSDK's leader election checks its Lease rights; system:basic-user allows it");

  @Test
  void everyAccessTheOperatorUsedIsGranted() {
    Set<String> ungranted = new TreeSet<>(names(RbacUsage.used()));
    ungranted.removeAll(names(granted()));
    ungranted.removeAll(names(GRANTED_BY_DEFAULT.keySet()));
    assertThat(ungranted).as("accesses the operator used that the chart does not grant").isEmpty();
  }

  @Test
  void everyGrantedAccessWasUsed() throws Exception {
    Set<String> missing = new TreeSet<>(integrationTestClasses());
    missing.removeAll(RbacUsage.classesRun());
    missing.remove(RbacCoverageIT.class.getName());
    assumeTrue(
        missing.isEmpty(),
        "not every integration test ran in this JVM, so unused grants cannot be told: " + missing);
    Set<String> unused = new TreeSet<>(names(granted()));
    unused.removeAll(names(RbacUsage.used()));
    unused.removeAll(names(CHECKED_ON_OUR_BEHALF.keySet()));
    assertThat(unused).as("granted accesses no integration test used").isEmpty();
  }

  /** Every access the chart's rules files grant the operator (all install modes together). */
  private static Set<Access> granted() {
    return Stream.of(
            "files/clusterrole-rules.yaml",
            "files/node-proxy-binding-rules.yaml",
            "files/leader-election-rules.yaml")
        .flatMap(f -> DeployFiles.chartRules(f).stream())
        .flatMap(RbacCoverageIT::accesses)
        .collect(Collectors.toSet());
  }

  private static Stream<Access> accesses(PolicyRule rule) {
    return rule.getApiGroups().stream()
        .flatMap(
            g ->
                rule.getResources().stream()
                    .flatMap(r -> rule.getVerbs().stream().map(v -> new Access(g, r, v))));
  }

  private static Set<String> names(Set<Access> accesses) {
    return accesses.stream().map(Access::toString).collect(Collectors.toSet());
  }

  /** The {@code *IT} classes compiled beside this one. */
  private static Set<String> integrationTestClasses() throws IOException, URISyntaxException {
    Path root =
        Path.of(RbacCoverageIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(p -> root.relativize(p).toString())
          .filter(p -> p.endsWith("IT.class") && !p.contains("$"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .collect(Collectors.toSet());
    }
  }
}
