package io.sei.operator.task;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.metrics.OperatorMetrics;
import io.sei.operator.sidecar.SidecarClient;
import io.sei.operator.sidecar.SidecarEndpoints;
import java.time.Clock;

/**
 * What task executions talk to: the API server, the sidecars, the platform config, the clock, and
 * the metrics they count into.
 */
public record NodeServices(
    KubernetesClient client,
    PlatformConfig config,
    SidecarClient sidecars,
    SidecarEndpoints endpoints,
    Clock clock,
    OperatorMetrics metrics) {}
