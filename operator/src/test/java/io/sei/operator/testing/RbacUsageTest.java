package io.sei.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.testing.RbacUsage.Access;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests mapped to the access RBAC checks for them. */
class RbacUsageTest {

  @ParameterizedTest
  @CsvSource({
    "GET, /api/v1/namespaces/n/pods, , core/pods:list",
    "GET, /api/v1/namespaces/n/pods, labelSelector=a%3Db&watch=true, core/pods:watch",
    "GET, /api/v1/namespaces/n/pods/p, , core/pods:get",
    "DELETE, /api/v1/namespaces/n/pods/p, , core/pods:delete",
    "PATCH, /apis/apps/v1/namespaces/n/statefulsets/s, fieldManager=x&force=true,"
        + " apps/statefulsets:patch",
    "PUT, /apis/sei.io/v1alpha1/namespaces/n/seinodes/x/status, , sei.io/seinodes/status:update",
    "GET, /apis/sei.io/v1alpha1/seinodes, watch=true, sei.io/seinodes:watch",
    "PUT, /apis/rbac.authorization.k8s.io/v1/clusterrolebindings/b, ,"
        + " rbac.authorization.k8s.io/clusterrolebindings:update",
    "POST, /apis/authorization.k8s.io/v1/selfsubjectrulesreviews, ,"
        + " authorization.k8s.io/selfsubjectrulesreviews:create",
    "GET, /api/v1/namespaces/n, , core/namespaces:get"
  })
  void aRequestNeedsTheAccessRbacChecks(String method, String path, String query, String access) {
    assertThat(RbacUsage.access(method, path, query)).map(Access::toString).hasValue(access);
  }

  @ParameterizedTest
  @CsvSource({"GET, /version", "GET, /apis", "GET, /apis/sei.io/v1alpha1", "GET, /api/v1"})
  void discoveryNeedsNoResourceAccess(String method, String path) {
    assertThat(RbacUsage.access(method, path, null)).isEmpty();
  }
}
