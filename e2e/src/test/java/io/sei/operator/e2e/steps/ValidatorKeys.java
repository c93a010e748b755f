package io.sei.operator.e2e.steps;

import java.nio.ByteBuffer;
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

  static final String NODE_KEY =
      "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\","
          + "\"value\":\"dGVzdC1ub2RlLWtleS1vZi10aGUtc2ltdWxhdG9y\"}}";
}
