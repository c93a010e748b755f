package io.sei.operator.simulator.cluster.junit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.sei.operator.simulator.cluster.LocalControlPlane;
import io.sei.operator.simulator.kubelet.KubeletSettings;
import io.sei.operator.simulator.kubelet.SimulatedKubelet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** See {@link WithLocalControlPlane}. */
public final class LocalControlPlaneExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(LocalControlPlaneExtension.class);

  /** Closed by JUnit when the whole test run ends. */
  private record Shared(LocalControlPlane controlPlane, SimulatedKubelet kubelet)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      kubelet.close();
      controlPlane.close();
    }
  }

  static Shared shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(STORE)
        .getOrComputeIfAbsent(
            Shared.class,
            k -> {
              LocalControlPlane cp = LocalControlPlane.start(System.out);
              cp.installCrds();
              SimulatedKubelet kubelet =
                  SimulatedKubelet.start(
                      cp, KubeletSettings.defaults(), cp.stateDir().resolve("kubelet"));
              return new Shared(cp, kubelet);
            },
            Shared.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Shared shared = shared(context);
    LocalControlPlane cp = shared.controlPlane();
    String name =
        ("t-"
                + context.getRequiredTestMethod().getName().toLowerCase(Locale.ROOT)
                + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF)))
            .replaceAll("[^a-z0-9-]", "");
    name = name.length() > 63 ? name.substring(0, 56) + name.substring(name.length() - 7) : name;
    Map<String, String> labels = new TreeMap<>();
    String level =
        context.getRequiredTestClass().getAnnotation(WithLocalControlPlane.class) == null
            ? ""
            : context
                .getRequiredTestClass()
                .getAnnotation(WithLocalControlPlane.class)
                .podSecurity();
    if (!level.isEmpty()) {
      labels.put(WithLocalControlPlane.ENFORCE_LABEL, level);
      labels.put(WithLocalControlPlane.ENFORCE_LABEL + "-version", "latest");
    }
    cp.client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
    context.getStore(STORE).put(LocalCluster.class, new LocalCluster(cp, shared.kubelet(), name));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LocalCluster cluster = context.getStore(STORE).remove(LocalCluster.class, LocalCluster.class);
    if (cluster != null) {
      cluster.client().namespaces().withName(cluster.namespace()).delete();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalCluster cluster = context.getStore(STORE).get(LocalCluster.class, LocalCluster.class);
    if (cluster == null) {
      throw new IllegalStateException("a LocalCluster is available in tests and @BeforeEach only");
    }
    return cluster;
  }
}
