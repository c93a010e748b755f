package io.sei.operator.simulator.seid;

import com.fasterxml.jackson.databind.JsonNode;
import io.sei.operator.simulator.home.NodeHome;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Who a node is: its node id ({@code config/node_key.json}, else env {@value #NODE_ID_ENV}, else
 * derived from the home path) and, for a validator, its signing key address ({@code
 * config/priv_validator_key.json}).
 */
public record NodeIdentity(String nodeId, Optional<String> signerAddress) {

  public static final String NODE_ID_ENV = "SEI_SIM_NODE_ID";

  /** Reads the identity; a malformed key file is an {@link IOException}. */
  public static NodeIdentity read(NodeHome home, Map<String, String> env) throws IOException {
    return new NodeIdentity(nodeId(home, env), signerAddress(home));
  }

  private static String nodeId(NodeHome home, Map<String, String> env) throws IOException {
    Optional<JsonNode> nodeKey = home.read(home.nodeKeyFile());
    if (nodeKey.isPresent()) {
      String id = nodeKey.get().path("id").asText("");
      if (!id.isEmpty()) {
        return id;
      }
      String priv = nodeKey.get().path("priv_key").path("value").asText("");
      if (priv.isEmpty()) {
        throw new IOException(home.nodeKeyFile() + " has no priv_key.value");
      }
      return NodeHome.hexId(priv);
    }
    String fromEnv = env.get(NODE_ID_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    return NodeHome.hexId(home.root().toString());
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
