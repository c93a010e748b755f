package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cluster DNS for the pods of the simulated kubelet, answered from the API server:
 *
 * <ul>
 *   <li>{@code <service>.<namespace>.svc[.cluster.local]} → the address of one endpoint of the
 *       Service: a ready one, or any one when the Service has {@code publishNotReadyAddresses};
 *   <li>{@code <hostname>.<service>.<namespace>.svc[.cluster.local]} → the pod of that namespace
 *       whose {@code spec.hostname} and {@code spec.subdomain} are those names (a StatefulSet pod
 *       behind its headless Service).
 * </ul>
 *
 * <p>The endpoints are the Service's EndpointSlices ({@code discovery.k8s.io/v1}, labelled {@code
 * kubernetes.io/service-name}). The API server refuses loopback addresses in EndpointSlices, and
 * every pod address here is a loopback one, so the endpointslice controller publishes none: when
 * the slices hold no usable endpoint, the Service's selector is evaluated against the pods as that
 * controller would (running, not being deleted, with an address; {@code Ready} unless the Service
 * publishes not-ready addresses). Resolution is headless-style for every Service: there is no
 * kube-proxy and no cluster IP, the caller connects to the chosen pod on the port it asked for.
 * With several endpoints the first pod by name wins (no load spreading).
 *
 * <p>Answers are cached for {@link #TTL}, failures for {@link #NEGATIVE_TTL}. A name that does not
 * resolve is an {@link UnknownHostException}, as NXDOMAIN is for a real resolver.
 */
final class ClusterDns {
  static final Duration TTL = Duration.ofSeconds(1);
  static final Duration NEGATIVE_TTL = Duration.ofMillis(250);

  private static final Pattern NAME =
      Pattern.compile(
          "^(?:([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?)"
              + "\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(\\.cluster\\.local)?\\.?$");

  private record Answer(String address, String failure, long expiresAt) {}

  private final KubernetesClient client;
  private final LongSupplier clock;
  private final Map<String, Answer> cache = new ConcurrentHashMap<>();

  ClusterDns(KubernetesClient client) {
    this(client, System::nanoTime);
  }

  ClusterDns(KubernetesClient client, LongSupplier nanoClock) {
    this.client = client;
    this.clock = nanoClock;
  }

  /** Whether {@code host} is a cluster name this resolver answers for. */
  static boolean isClusterName(String host) {
    return NAME.matcher(host.toLowerCase(Locale.ROOT)).matches();
  }

  /** The pod address for a cluster name; an {@link UnknownHostException} when there is none. */
  String resolve(String host) throws UnknownHostException {
    String name = host.toLowerCase(Locale.ROOT);
    long now = clock.getAsLong();
    Answer cached = cache.get(name);
    if (cached == null || now - cached.expiresAt() > 0) {
      cached = lookup(name, now);
      cache.put(name, cached);
    }
    if (cached.address() == null) {
      throw new UnknownHostException(host + ": " + cached.failure());
    }
    return cached.address();
  }

  private Answer lookup(String name, long now) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return failure("not a cluster name", now);
    }
    String hostname = m.group(1);
    String service = m.group(3);
    String namespace = m.group(5);
    try {
      Optional<String> address =
          hostname == null
              ? serviceAddress(namespace, service)
              : podByHostname(namespace, service, hostname);
      return address
          .map(a -> new Answer(a, null, now + TTL.toNanos()))
          .orElseGet(() -> failure("no such host (no endpoint of the cluster name)", now));
    } catch (KubernetesClientException e) {
      return failure("lookup failed: " + e.getMessage(), now);
    }
  }

  private static Answer failure(String why, long now) {
    return new Answer(null, why, now + NEGATIVE_TTL.toNanos());
  }

  private Optional<String> serviceAddress(String namespace, String name) {
    Service service = client.services().inNamespace(namespace).withName(name).get();
    if (service == null || service.getSpec() == null) {
      return Optional.empty();
    }
    boolean notReadyToo = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
    Optional<String> fromSlices = fromEndpointSlices(namespace, name, notReadyToo);
    if (fromSlices.isPresent()) {
      return fromSlices;
    }
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return Optional.empty();
    }
    return client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
        .filter(p -> serving(p, notReadyToo))
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .map(p -> p.getStatus().getPodIP())
        .findFirst();
  }

  private Optional<String> fromEndpointSlices(String namespace, String service, boolean any) {
    List<EndpointSlice> slices =
        client
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace(namespace)
            .withLabel("kubernetes.io/service-name", service)
            .list()
            .getItems();
    return slices.stream()
        .filter(s -> s.getEndpoints() != null)
        .flatMap(s -> s.getEndpoints().stream())
        .filter(e -> any || ready(e))
        .flatMap(
            e ->
                e.getAddresses() == null ? java.util.stream.Stream.of() : e.getAddresses().stream())
        .filter(Objects::nonNull)
        .sorted()
        .findFirst();
  }

  private static boolean ready(Endpoint e) {
    // Kubernetes: a nil ready condition means ready.
    return e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady());
  }

  private Optional<String> podByHostname(String namespace, String subdomain, String hostname) {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .filter(p -> p.getSpec() != null)
        .filter(p -> hostname.equals(p.getSpec().getHostname()))
        .filter(p -> subdomain.equals(p.getSpec().getSubdomain()))
        .filter(p -> serving(p, true))
        .map(p -> p.getStatus().getPodIP())
        .findFirst();
  }

  /** What the endpointslice controller would publish: a live pod with an address. */
  private static boolean serving(Pod p, boolean notReadyToo) {
    if (p.getMetadata().getDeletionTimestamp() != null
        || p.getStatus() == null
        || p.getStatus().getPodIP() == null
        || "Succeeded".equals(p.getStatus().getPhase())
        || "Failed".equals(p.getStatus().getPhase())) {
      return false;
    }
    return notReadyToo
        || p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
