package io.sei.operator.simulator.net;

/**
 * A {@code HOST:PORT} pair as written on a command line. Accepts {@code tcp://} and {@code http://}
 * prefixes (the real {@code seid} writes {@code tcp://0.0.0.0:26657}), bracketed IPv6 hosts and an
 * empty host meaning all interfaces.
 */
public record HostPort(String host, int port) {

  public static HostPort parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("address is empty: expected HOST:PORT");
    }
    String value = text.trim().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    if (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("address '" + text + "' has no port: expected HOST:PORT");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      host = "0.0.0.0";
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "address '" + text + "' has a bad port: expected HOST:PORT");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("address '" + text + "' has a port out of range");
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
