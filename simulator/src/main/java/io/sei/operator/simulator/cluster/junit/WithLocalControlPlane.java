package io.sei.operator.simulator.cluster.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running local control plane with the simulated kubelet (one per test run,
 * with the project's CRDs installed) and each test a namespace of its own. Declare a {@link
 * LocalCluster} parameter on a test method (or a {@code @BeforeEach}) to receive it. With {@link
 * #podSecurity()}, the API server admits into those namespaces only pods that meet that Pod
 * Security Standard.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalControlPlaneExtension.class)
public @interface WithLocalControlPlane {
  /** The namespace label the API server's PodSecurity admission enforces. */
  String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

  /**
   * The Pod Security Standard every test namespace enforces ({@code restricted}, {@code baseline}
   * or {@code privileged}); none when empty.
   */
  String podSecurity() default "";
}
