package io.sei.operator.simulator.seid;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.home.NodeKey;
import java.io.IOException;
import java.util.Optional;

/**
 * Who a node is: its CometBFT node id, derived from the Ed25519 key of {@code config/node_key.json}
 * (see {@link NodeKey}), and, for a validator, its signing key address ({@code
 * config/priv_validator_key.json}).
 *
 * @param generatedNodeKey whether this start wrote a fresh node key (there was none)
 */
public record NodeIdentity(
    String nodeId, Optional<String> signerAddress, boolean generatedNodeKey) {

  /**
   * Reads the identity. Like CometBFT's load-or-generate, a missing node key file is created with a
   * fresh key (a mounted read-only Secret exists already, so it is never written over). A malformed
   * key file is an {@link IOException}.
   */
  public static NodeIdentity load(NodeHome home) throws IOException {
    boolean generated = false;
    Optional<String> id = NodeKey.nodeId(home);
    if (id.isEmpty()) {
      home.write(home.nodeKeyFile(), NodeKey.generate());
      generated = true;
      id = NodeKey.nodeId(home);
      if (id.isEmpty()) {
        throw new IOException("cannot write a node key to " + home.nodeKeyFile());
      }
    }
    return new NodeIdentity(id.get(), signerAddress(home), generated);
  }

  private static Optional<String> signerAddress(NodeHome home) throws IOException {
    Optional<JsonNode> key = home.read(home.validatorKeyFile());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    JsonNode json = key.get();
    String address = json.path("address").asText("");
    if (address.isEmpty()
        || json.path("pub_key").path("value").asText("").isEmpty()
        || json.path("priv_key").path("value").asText("").isEmpty()) {
      throw new IOException(
          home.validatorKeyFile()
              + " is malformed: it needs address, pub_key.value, priv_key.value");
    }
    return Optional.of(address);
  }
}
