package io.sei.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.deployment.SeiNodeDeploymentReconciler;
import io.sei.operator.group.GroupTaskExecutions;
import io.sei.operator.metrics.OperatorMetrics;
import io.sei.operator.node.SeiNodeReconciler;
import io.sei.operator.plan.AdaptiveRequeue;
import io.sei.operator.plan.PlanExecutor;
import io.sei.operator.planner.deploy.DeploymentPlanner;
import io.sei.operator.planner.plan.NodePlanner;
import io.sei.operator.sidecar.PodIp;
import io.sei.operator.sidecar.SidecarClient;
import io.sei.operator.sidecar.SidecarEndpoints;
import io.sei.operator.sidecar.TokenFile;
import io.sei.operator.task.NodePods;
import io.sei.operator.task.NodeServices;
import io.sei.operator.task.TaskExecutions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running operator: the JOSDK controllers (SeiNode, SeiNodeDeployment) on {@code client}, the
 * HTTP endpoints and, when enabled, leader election on the Lease {@value
 * RuntimeOptions#LEASE_NAME}. {@link #close} stops the controllers (in-flight reconciles finish)
 * and then the endpoints.
 */
public final class OperatorRuntime implements AutoCloseable {
  private static final Duration SIDECAR_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);

  private final Operator operator;
  private final HttpEndpoints http;
  private final AtomicBoolean closing;

  private OperatorRuntime(Operator operator, HttpEndpoints http, AtomicBoolean closing) {
    this.operator = operator;
    this.http = http;
    this.closing = closing;
  }

  /** Starts the operator; returns once its informers are synced. */
  public static OperatorRuntime start(
      KubernetesClient client, PlatformConfig config, RuntimeOptions options) {
    SidecarEndpoints endpoints =
        SidecarEndpoints.forMode(
            config.sidecarEndpoint(),
            new PodIp.Lookup() {
              @Override
              public Optional<String> podIp(String namespace, Map<String, String> selector) {
                return NodePods.sidecarReachable(client, namespace, selector)
                    .map(p -> p.getStatus().getPodIP());
              }

              @Override
              public String whyNot(String namespace, Map<String, String> selector) {
                return NodePods.whyNotReachable(client, namespace, selector);
              }
            });
    OperatorMetrics metrics = new OperatorMetrics();
    NodeServices services =
        new NodeServices(
            client,
            config,
            new SidecarClient(new TokenFile(config.operatorTokenFile()), SIDECAR_TIMEOUT),
            endpoints,
            options.clock(),
            metrics);
    PlanExecutor executor =
        new PlanExecutor(
            services,
            TaskExecutions.standard(),
            options.retries(),
            new AdaptiveRequeue(config.minRequeue(), config.pollInterval()));
    SeiNodeReconciler nodes =
        new SeiNodeReconciler(
            new NodePlanner(options.clock(), () -> UUID.randomUUID().toString(), options.retries()),
            executor,
            services,
            config.minRequeue(),
            config.pollInterval());

    AtomicBoolean closing = new AtomicBoolean();
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client).withCloseClientOnStop(false);
              if (options.leaderElection()) {
                o.withLeaderElectionConfiguration(leaderElection(closing));
              }
            });
    SeiNodeDeploymentReconciler deployments =
        new SeiNodeDeploymentReconciler(
            new DeploymentPlanner(
                options.clock(), () -> UUID.randomUUID().toString(), options.retries()),
            executor,
            new GroupTaskExecutions(),
            services,
            config.minRequeue(),
            config.pollInterval());
    operator.register(nodes, o -> watch(o, options));
    operator.register(deployments, o -> watch(o, options));
    HttpEndpoints http =
        HttpEndpoints.start(
            options.metricsPort(),
            options.healthPort(),
            metrics,
            () -> operator.getRuntimeInfo().isStarted());
    operator.start();
    return new OperatorRuntime(operator, http, closing);
  }

  /**
   * Leader election on the Lease {@value RuntimeOptions#LEASE_NAME} in the client's namespace. A
   * leader that loses the lease exits (its pod restarts and competes again) — but not while it is
   * being closed: releasing the lease on SIGTERM is no loss, and exiting from a shutdown hook would
   * block forever.
   */
  private static LeaderElectionConfiguration leaderElection(AtomicBoolean closing) {
    return new LeaderElectionConfiguration(
        RuntimeOptions.LEASE_NAME,
        null,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null,
        new LeaderCallbacks(
            () -> LOG.info("leading on Lease {}", RuntimeOptions.LEASE_NAME),
            () -> {
              if (!closing.get()) {
                LOG.error("lost the Lease {}; exiting", RuntimeOptions.LEASE_NAME);
                System.exit(1);
              }
            },
            leader -> LOG.info("Lease {} is held by {}", RuntimeOptions.LEASE_NAME, leader)),
        false);
  }

  private static void watch(
      ControllerConfigurationOverrider<?> controller, RuntimeOptions options) {
    if (!options.namespaces().isEmpty()) {
      controller.settingNamespaces(options.namespaces());
    }
  }

  /** The port {@code /metrics} is served on. */
  public int metricsPort() {
    return http.metricsPort();
  }

  /** The port {@code /healthz} and {@code /readyz} are served on. */
  public int healthPort() {
    return http.healthPort();
  }

  @Override
  public void close() {
    closing.set(true);
    operator.stop();
    http.close();
  }
}
