package io.sei.operator.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import org.junit.jupiter.api.Test;

/**
 * What kube-rbac-proxy relies on works here: ServiceAccount tokens are minted (TokenRequest),
 * reviewed (TokenReview) and authorized by RBAC (SubjectAccessReview for {@code create
 * seinodetasks.sei.io}, the proxy's check in front of every sidecar).
 */
@WithLocalControlPlane
class AuthIT {

  @Test
  void mintedTokenIsAuthenticatedAsItsServiceAccount(LocalCluster cluster) {
    String token = cluster.serviceAccountToken("operator");

    TokenReview review =
        cluster
            .client()
            .authentication()
            .v1()
            .tokenReviews()
            .create(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build());

    assertThat(review.getStatus().getAuthenticated()).isTrue();
    assertThat(review.getStatus().getUser().getUsername())
        .isEqualTo("system:serviceaccount:" + cluster.namespace() + ":operator");
  }

  @Test
  void forgedTokenIsNotAuthenticated(LocalCluster cluster) {
    TokenReview review =
        cluster
            .client()
            .authentication()
            .v1()
            .tokenReviews()
            .create(
                new TokenReviewBuilder().withNewSpec().withToken("not-a-token").endSpec().build());

    assertThat(review.getStatus().getAuthenticated()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void subjectAccessReviewFollowsRbacForSeiNodeTasks(LocalCluster cluster) {
    String user = "system:serviceaccount:" + cluster.namespace() + ":operator";
    cluster.serviceAccountToken("operator");
    assertThat(canCreateTasks(cluster, user)).as("before any grant").isFalse();

    cluster.grantSidecarTasks("operator");

    assertThat(canCreateTasks(cluster, user)).as("after the RoleBinding").isTrue();
  }

  @Test
  void serviceAccountWithoutGrantsIsForbiddenByTheApiServer(LocalCluster cluster) {
    String token = cluster.serviceAccountToken("nobody");
    Config config =
        new ConfigBuilder(Config.fromKubeconfig(cluster.controlPlane().kubeconfigYaml()))
            .withClientCertData(null)
            .withClientKeyData(null)
            .withClientCertFile(null)
            .withClientKeyFile(null)
            .withOauthToken(token)
            .build();
    try (KubernetesClient asNobody = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(() -> asNobody.pods().inNamespace(cluster.namespace()).list())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
    }
  }

  private static boolean canCreateTasks(LocalCluster cluster, String user) {
    SubjectAccessReview sar =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withNewResourceAttributes()
            .withGroup("sei.io")
            .withResource("seinodetasks")
            .withVerb("create")
            .withNamespace(cluster.namespace())
            .withName("node-0")
            .endResourceAttributes()
            .endSpec()
            .build();
    return cluster
        .client()
        .authorization()
        .v1()
        .subjectAccessReview()
        .create(sar)
        .getStatus()
        .getAllowed();
  }
}
