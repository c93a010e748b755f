package io.sei.operator.simulator.seid;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.net.HostPort;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node's peers as chain URLs. A peer {@code <id>@<host>:<port>} is the chain at {@code
 * http://<host>:<port>}; a full URL is taken as is.
 */
public final class Peers {

  private Peers() {}

  /** The {@code --peer} values, else the addresses discover-peers wrote under the home. */
  public static List<URI> resolve(List<String> flags, NodeHome home) throws IOException {
    List<String> raw = new ArrayList<>(flags);
    if (raw.isEmpty()) {
      Optional<JsonNode> file = home.read(home.peersFile());
      if (file.isPresent()) {
        file.get().path("addresses").forEach(a -> raw.add(a.asText()));
      }
    }
    List<URI> uris = new ArrayList<>();
    for (String peer : raw) {
      uris.add(toUri(peer));
    }
    return uris;
  }

  public static URI toUri(String peer) {
    String value = peer.trim();
    if (value.contains("://")) {
      return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }
    int at = value.indexOf('@');
    HostPort hostPort = HostPort.parse(at < 0 ? value : value.substring(at + 1));
    return URI.create("http://" + hostPort);
  }
}
