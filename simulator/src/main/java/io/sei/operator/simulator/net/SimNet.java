package io.sei.operator.simulator.net;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The one hook every listen address and every outgoing URL of the simulator passes through.
 *
 * <p>The identity implementation binds what it is given and calls what it is given. The simulated
 * kubelet replaces it to give each pod its own loopback address: it remaps a pod-local {@code
 * 127.0.0.1:<port>} (and {@code 0.0.0.0:<port>}) to that pod's address.
 */
public interface SimNet {

  /** Binds exactly the address given and calls exactly the URL given. */
  SimNet IDENTITY = new SimNet() {};

  /** The socket address a server asked to listen on {@code hostPort} must bind. */
  default InetSocketAddress listen(String hostPort) {
    HostPort parsed = HostPort.parse(hostPort);
    return new InetSocketAddress(parsed.host(), parsed.port());
  }

  /** The URL a client asked to call {@code target} must call. */
  default URI outbound(URI target) {
    return target;
  }
}
