package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Executes HTTP GET and TCP probes against a pod's address. Exec and gRPC probes pass. */
final class Probes {
  private final HttpClient http;

  Probes(HttpClient http) {
    this.http = http;
  }

  boolean check(Probe probe, Container container, String podIp) {
    Duration timeout =
        Duration.ofSeconds(probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds());
    try {
      if (probe.getHttpGet() != null) {
        int port = port(probe.getHttpGet().getPort(), container);
        String path = probe.getHttpGet().getPath() == null ? "/" : probe.getHttpGet().getPath();
        HttpRequest.Builder req =
            HttpRequest.newBuilder(URI.create("http://" + podIp + ":" + port + path))
                .timeout(timeout)
                .GET();
        if (probe.getHttpGet().getHttpHeaders() != null) {
          for (HTTPHeader h : probe.getHttpGet().getHttpHeaders()) {
            req.header(h.getName(), h.getValue());
          }
        }
        int status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        return status >= 200 && status < 400;
      }
      if (probe.getTcpSocket() != null) {
        try (Socket s = new Socket()) {
          s.connect(
              new InetSocketAddress(podIp, port(probe.getTcpSocket().getPort(), container)),
              (int) timeout.toMillis());
          return true;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static int port(IntOrString port, Container container) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    for (ContainerPort p : container.getPorts()) {
      if (port.getStrVal().equals(p.getName())) {
        return p.getContainerPort();
      }
    }
    throw new IllegalArgumentException(
        "container " + container.getName() + " has no port named " + port.getStrVal());
  }
}
