package io.sei.operator.e2e.steps;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Validator key files in CometBFT shape (test keys, secret nowhere), as the simulator reads them.
 */
final class ValidatorKeys {
  private ValidatorKeys() {}

  static final String SIGNING_KEY_FILE = "priv_validator_key.json";
  static final String NODE_KEY_FILE = "node_key.json";

  /**
   * A signing key of its own for each scenario: the chain keeps one evidence record for the whole
   * run, and two scenarios' validators signing the same heights with one key would be a
   * double-sign.
   */
  static String newSignerAddress() {
    return HexFormat.of()
        .withUpperCase()
        .formatHex(
            ByteBuffer.allocate(20)
                .putLong(ThreadLocalRandom.current().nextLong())
                .putLong(ThreadLocalRandom.current().nextLong())
                .putInt(ThreadLocalRandom.current().nextInt())
                .array());
  }

  /** A priv_validator_key.json with the signer address {@code address}. */
  static String signingKey(String address) {
    return "{\"address\":\""
        + address
        + "\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\","
        + "\"value\":\"dGVzdC1wdWJsaWMta2V5LW9mLXRoZS1zaW11bGF0b3I=\"},"
        + "\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\","
        + "\"value\":\"dGVzdC1wcml2YXRlLWtleS1vZi10aGUtc2ltdWxhdG9y\"}}";
  }

  /** An address without keys: the operator must refuse it without echoing the file. */
  static final String MALFORMED_SIGNING_KEY = "{\"address\":\"A0B1\"}";

  /**
   * A real Ed25519 node key ({@code priv_key.value} = base64 of seed ‖ public key, as CometBFT
   * writes it); its node id is {@link #NODE_ID}.
   */
  static final String NODE_KEY =
      nodeKey(
          "3KCY0xsXn9V0GtWza8fv9LasAVqqN/wdxYZMfqOXU/8sMA3JX1yPyxHeZLUG14EwEZabp97jabpD0uUE2J+91w==");

  /** The CometBFT node id of {@link #NODE_KEY}: hex of the first 20 bytes of SHA-256(pubkey). */
  static final String NODE_ID = "2bbfd709c590e4e5ede8addd5e24e098d1aa658e";

  /**
   * A fresh node key of its own, for a scenario whose nodes must not share a node id with another
   * scenario's.
   */
  static String newNodeKey() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] seed = pair.getPrivate().getEncoded();
      byte[] pub = pair.getPublic().getEncoded();
      // Both encodings end with the raw 32-byte key (RFC 8410).
      byte[] value = new byte[64];
      System.arraycopy(seed, seed.length - 32, value, 0, 32);
      System.arraycopy(pub, pub.length - 32, value, 32, 32);
      return nodeKey(Base64.getEncoder().encodeToString(value));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JVM", e);
    }
  }

  private static String nodeKey(String base64) {
    return "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":\"" + base64 + "\"}}";
  }
}
