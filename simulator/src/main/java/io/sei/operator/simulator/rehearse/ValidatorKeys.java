package io.sei.operator.simulator.rehearse;

import io.sei.operator.simulator.net.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * A fresh validator signing key and node key in CometBFT's file shapes ({@code
 * priv_validator_key.json}, {@code node_key.json}). The simulated seid signs with the address and
 * never checks the key material, so random bytes stand in for Ed25519 keys.
 */
record ValidatorKeys(String address, String signingKeyJson, String nodeKeyJson) {
  static final String SIGNING_KEY_FILE = "priv_validator_key.json";
  static final String NODE_KEY_FILE = "node_key.json";

  static ValidatorKeys generate() {
    SecureRandom random = new SecureRandom();
    String address = HexFormat.of().withUpperCase().formatHex(bytes(random, 20));
    Base64.Encoder b64 = Base64.getEncoder();
    String signing =
        json(
            Map.of(
                "address",
                address,
                "pub_key",
                Map.of(
                    "type",
                    "tendermint/PubKeyEd25519",
                    "value",
                    b64.encodeToString(bytes(random, 32))),
                "priv_key",
                Map.of(
                    "type",
                    "tendermint/PrivKeyEd25519",
                    "value",
                    b64.encodeToString(bytes(random, 64)))));
    String node =
        json(
            Map.of(
                "priv_key",
                Map.of(
                    "type",
                    "tendermint/PrivKeyEd25519",
                    "value",
                    b64.encodeToString(bytes(random, 64)))));
    return new ValidatorKeys(address, signing, node);
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String json(Object value) {
    return new String(Json.bytes(value), StandardCharsets.UTF_8);
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "ValidatorKeys[address=" + address + "]";
  }
}
