package io.sei.operator.simulator.home;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A node's P2P identity, {@code config/node_key.json} in CometBFT's shape: {@code
 * {"priv_key":{"type":"tendermint/PrivKeyEd25519","value":base64(seed ‖ public key)}}}. The node id
 * is the lowercase hex of the first 20 bytes of SHA-256 of the 32-byte Ed25519 public key — what
 * CometBFT prints as {@code node_info.id} and what the sidecar's {@code /v0/node-id} answers.
 */
public final class NodeKey {
  private NodeKey() {}

  public static final String KEY_TYPE = "tendermint/PrivKeyEd25519";
  private static final int SEED_BYTES = 32;
  private static final int PUBLIC_KEY_BYTES = 32;

  /** The node id of {@code config/node_key.json}; empty when the file does not exist. */
  public static Optional<String> nodeId(NodeHome home) throws IOException {
    Optional<JsonNode> file = home.read(home.nodeKeyFile());
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(nodeId(file.get(), home.nodeKeyFile().toString()));
  }

  /** The node id of a node key file's JSON; {@code source} names it in errors. */
  public static String nodeId(JsonNode nodeKey, String source) throws IOException {
    String value = nodeKey.path("priv_key").path("value").asText("");
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": priv_key.value is not base64");
    }
    if (raw.length != SEED_BYTES + PUBLIC_KEY_BYTES) {
      throw new IOException(
          source
              + ": priv_key.value must be a 64-byte Ed25519 private key (seed and public key), got "
              + raw.length
              + " bytes");
    }
    return idOfPublicKey(Arrays.copyOfRange(raw, SEED_BYTES, raw.length));
  }

  /** The node id of a 32-byte Ed25519 public key. */
  public static String idOfPublicKey(byte[] publicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A fresh node key file's JSON (what {@code seid} writes on its first start when none exists).
   */
  public static Map<String, Object> generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] pkcs8 = pair.getPrivate().getEncoded();
      byte[] x509 = pair.getPublic().getEncoded();
      // Both encodings end with the raw 32-byte key (RFC 8410).
      byte[] value = new byte[SEED_BYTES + PUBLIC_KEY_BYTES];
      System.arraycopy(pkcs8, pkcs8.length - SEED_BYTES, value, 0, SEED_BYTES);
      System.arraycopy(x509, x509.length - PUBLIC_KEY_BYTES, value, SEED_BYTES, PUBLIC_KEY_BYTES);
      return Map.of(
          "priv_key", Map.of("type", KEY_TYPE, "value", Base64.getEncoder().encodeToString(value)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JVM", e);
    }
  }
}
