package io.sei.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.config.ConfigException;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.runtime.OperatorRuntime;
import io.sei.operator.runtime.RuntimeOptions;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the operator. It validates the platform configuration before anything else (a bad
 * value exits 2 in one line), checks that the API server answers (else exit 1), then runs the
 * controllers until SIGTERM, which stops them gracefully.
 */
public final class Main {
  private Main() {}

  /** Exit code when an option is missing or malformed. */
  static final int EXIT_INVALID_CONFIG = 2;

  /** Exit code when the Kubernetes API server cannot be reached at startup. */
  static final int EXIT_NO_API_SERVER = 1;

  /** {@code true} (default) or {@code false}: elect a leader on the Lease {@code sei-operator}. */
  static final String LEADER_ELECTION = "SEI_LEADER_ELECTION";

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.err));
  }

  static int run(Map<String, String> environment, PrintStream err) {
    PlatformConfig config;
    try {
      config = PlatformConfig.fromEnvironment(environment);
    } catch (ConfigException e) {
      err.println("sei-operator: " + e.getMessage());
      return EXIT_INVALID_CONFIG;
    }
    String election = environment.getOrDefault(LEADER_ELECTION, "").strip();
    if (!Set.of("", "true", "false").contains(election)) {
      err.println(
          "sei-operator: " + LEADER_ELECTION + " is invalid: '" + election + "' (true or false)");
      return EXIT_INVALID_CONFIG;
    }
    boolean leaderElection = !election.equals("false");
    Config kube = Config.autoConfigure(null);
    try (KubernetesClient probe =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(kube).withRequestRetryBackoffLimit(0).build())
            .build()) {
      probe.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      err.println(
          "sei-operator: cannot reach the Kubernetes API server at "
              + kube.getMasterUrl()
              + ": "
              + e.getMessage());
      return EXIT_NO_API_SERVER;
    }
    KubernetesClient client = new KubernetesClientBuilder().withConfig(kube).build();
    OperatorRuntime runtime =
        OperatorRuntime.start(
            client, config, RuntimeOptions.inCluster(leaderElection, config.watchNamespaces()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  client.close();
                  stopped.countDown();
                },
                "sei-operator-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
