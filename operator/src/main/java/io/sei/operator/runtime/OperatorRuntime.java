package io.sei.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
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
import io.sei.operator.sidecar.SidecarClient;
import io.sei.operator.sidecar.SidecarEndpoints;
import io.sei.operator.sidecar.TokenFile;
import io.sei.operator.task.NodePods;
import io.sei.operator.task.NodeServices;
import io.sei.operator.task.TaskExecutions;
import java.time.Duration;
import java.util.UUID;

/**
 * One running operator: the JOSDK controllers (SeiNode, SeiNodeDeployment) on {@code client}, the
 * HTTP endpoints and, when enabled, leader election on the Lease {@value
 * RuntimeOptions#LEASE_NAME}. {@link #close} stops the controllers (in-flight reconciles finish)
 * and then the endpoints.
 */
public final class OperatorRuntime implements AutoCloseable {
  private static final Duration SIDECAR_TIMEOUT = Duration.ofSeconds(5);

  private final Operator operator;
  private final HttpEndpoints http;

  private OperatorRuntime(Operator operator, HttpEndpoints http) {
    this.operator = operator;
    this.http = http;
  }

  /** Starts the operator; returns once its informers are synced. */
  public static OperatorRuntime start(
      KubernetesClient client, PlatformConfig config, RuntimeOptions options) {
    SidecarEndpoints endpoints =
        SidecarEndpoints.forMode(
            config.sidecarEndpoint(),
            (namespace, selector) ->
                NodePods.running(client, namespace, selector).map(p -> p.getStatus().getPodIP()));
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

    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client).withCloseClientOnStop(false);
              if (options.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(RuntimeOptions.LEASE_NAME));
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
    return new OperatorRuntime(operator, http);
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
    operator.stop();
    http.close();
  }
}
