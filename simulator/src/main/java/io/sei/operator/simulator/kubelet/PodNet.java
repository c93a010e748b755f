package io.sei.operator.simulator.kubelet;

import io.sei.operator.simulator.net.HostPort;
import io.sei.operator.simulator.net.SimNet;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network namespace of one pod, on a shared loopback: a container asking to listen on {@code
 * 0.0.0.0}, {@code 127.0.0.1} or {@code localhost} gets the pod's own address; a container calling
 * {@code 127.0.0.1:<port>} reaches its own pod when a container of the pod listens on that port,
 * and the host otherwise (a simulated chain on the host's 127.0.0.1 stays reachable).
 *
 * <p>A cluster name ({@code <service>.<namespace>.svc}, {@code …svc.cluster.local}) is resolved
 * through {@link ClusterDns} to the address of a pod behind the Service, same port; a cluster name
 * that does not resolve makes {@link #outbound} throw an {@link UncheckedIOException} wrapping an
 * {@link UnknownHostException}, the simulator's NXDOMAIN.
 *
 * <p>Limit: nothing stops another local process from calling a pod address directly. That a
 * loopback-bound sidecar is unreachable from outside its pod is proven on kind, not here.
 */
final class PodNet implements SimNet {
  private final String podIp;
  private final ClusterDns dns;
  private final Set<Integer> listening = ConcurrentHashMap.newKeySet();

  PodNet(String podIp) {
    this(podIp, null);
  }

  /** A pod network whose cluster names resolve through {@code dns} (null: none resolve). */
  PodNet(String podIp, ClusterDns dns) {
    this.podIp = podIp;
    this.dns = dns;
  }

  String podIp() {
    return podIp;
  }

  /** Marks a port as served inside the pod (also for real processes such as kube-rbac-proxy). */
  void listensOn(int port) {
    listening.add(port);
  }

  static boolean isLocal(String host) {
    return host.equals("0.0.0.0")
        || host.equals("127.0.0.1")
        || host.equals("localhost")
        || host.equals("::")
        || host.equals("::1");
  }

  @Override
  public InetSocketAddress listen(String hostPort) {
    HostPort hp = HostPort.parse(hostPort);
    if (isLocal(hp.host())) {
      listening.add(hp.port());
      return new InetSocketAddress(podIp, hp.port());
    }
    return new InetSocketAddress(hp.host(), hp.port());
  }

  @Override
  public URI outbound(URI target) {
    String host = target.getHost();
    if (host != null && ClusterDns.isClusterName(host)) {
      if (dns == null) {
        throw new UncheckedIOException(
            new UnknownHostException(host + ": no cluster DNS in this pod network"));
      }
      try {
        return withHost(target, dns.resolve(host));
      } catch (UnknownHostException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (host == null || !isLocal(host) || !listening.contains(target.getPort())) {
      return target;
    }
    return withHost(target, podIp);
  }

  private static URI withHost(URI target, String host) {
    try {
      return new URI(
          target.getScheme(),
          target.getUserInfo(),
          host,
          target.getPort(),
          target.getPath(),
          target.getQuery(),
          target.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Rewrites {@code [scheme://]HOST:PORT[/...]} the same way for a real process's flags. */
  String rewriteListen(String address) {
    String scheme = address.contains("://") ? address.substring(0, address.indexOf("://") + 3) : "";
    HostPort hp = HostPort.parse(address);
    InetSocketAddress bound = listen(address);
    String rest = address.substring(scheme.length());
    int slash = rest.indexOf('/');
    return scheme
        + bound.getHostString()
        + ":"
        + hp.port()
        + (slash >= 0 ? rest.substring(slash) : "");
  }

  /** A URL that is by definition inside the pod (a proxy's upstream): local hosts → pod address. */
  String podLocal(String url) {
    URI target = URI.create(url);
    if (target.getHost() == null || !isLocal(target.getHost())) {
      return url;
    }
    listening.add(target.getPort());
    return outbound(target).toString();
  }
}
