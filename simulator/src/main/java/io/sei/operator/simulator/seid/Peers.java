package io.sei.operator.simulator.seid;

import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.net.HostPort;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A node's peers. A peer {@code <id>@<host>:<port>} is dialled at {@code http://<host>:<port>} and
 * followed only once the node there proves to be {@code <id>} (its {@code /status} answers {@code
 * result.node_info.id}); a URL ({@code http://…}) or a bare {@code host:port}, accepted from {@code
 * --peer} only, is followed without that check.
 */
public final class Peers {

  private static final Pattern NODE_ID = Pattern.compile("[0-9a-fA-F]{40}");

  private Peers() {}

  /**
   * One peer.
   *
   * @param address as configured
   * @param url where it is dialled
   * @param nodeId the node id it must have; empty: not checked
   */
  public record Peer(String address, URI url, Optional<String> nodeId) {

    /** Whether {@code actual} is the id this peer was given (hex, case-insensitive). */
    public boolean is(String actual) {
      return nodeId.map(id -> id.equalsIgnoreCase(actual)).orElse(true);
    }

    @Override
    public String toString() {
      return address;
    }
  }

  /**
   * The {@code --peer} values if any, else {@code [p2p] persistent-peers} of {@code
   * config/config.toml}, whose entries must be {@code <node id>@<host>:<port>} as CometBFT
   * requires.
   */
  public static List<Peer> resolve(List<String> flags, NodeHome home) throws IOException {
    List<Peer> peers = new ArrayList<>();
    if (!flags.isEmpty()) {
      for (String flag : flags) {
        peers.add(parse(flag, false));
      }
      return peers;
    }
    for (String entry : home.persistentPeers()) {
      try {
        peers.add(parse(entry, true));
      } catch (IllegalArgumentException e) {
        throw new IOException(
            home.configTomlFile() + ": bad p2p.persistent-peers entry: " + e.getMessage());
      }
    }
    return peers;
  }

  /**
   * Parses one peer; {@code strict} (the config file) requires the {@code <node id>@} part.
   *
   * @throws IllegalArgumentException when the address is malformed
   */
  public static Peer parse(String peer, boolean strict) {
    String value = peer.trim();
    if (!strict && value.contains("://")) {
      String url = value.replaceAll("/+$", "");
      return new Peer(value, URI.create(url), Optional.empty());
    }
    int at = value.indexOf('@');
    if (at < 0) {
      if (strict) {
        throw new IllegalArgumentException("'" + value + "' is not <node id>@<host>:<port>");
      }
      return new Peer(value, URI.create("http://" + HostPort.parse(value)), Optional.empty());
    }
    String id = value.substring(0, at);
    if (!NODE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "'" + value + "': the node id must be 40 hex digits, got '" + id + "'");
    }
    HostPort hostPort = HostPort.parse(value.substring(at + 1));
    return new Peer(
        value, URI.create("http://" + hostPort), Optional.of(id.toLowerCase(Locale.ROOT)));
  }
}
