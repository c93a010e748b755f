package io.sei.operator.testing;

/** Validator key files in CometBFT shape (test keys, not secret anywhere). */
public final class Keys {
  private Keys() {}

  public static final String SIGNING_KEY_FILE = "priv_validator_key.json";
  public static final String NODE_KEY_FILE = "node_key.json";
  public static final String SIGNER_ADDRESS = "A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9";

  public static final String SIGNING_KEY =
      "{\"address\":\""
          + SIGNER_ADDRESS
          + "\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\","
          + "\"value\":\"dGVzdC1wdWJsaWMta2V5LW9mLXRoZS1zaW11bGF0b3I=\"},"
          + "\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\","
          + "\"value\":\"dGVzdC1wcml2YXRlLWtleS1vZi10aGUtc2ltdWxhdG9y\"}}";

  /**
   * A real Ed25519 node key: {@code priv_key.value} is base64 of the 32-byte seed followed by the
   * 32-byte public key, as CometBFT writes it; its node id is {@link #NODE_ID}.
   */
  public static final String NODE_KEY =
      "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\","
          + "\"value\":\"IEuQiIVbOBfC687slILDyfbwPKqCxZs5z/MTmvtyGTcGGqNW6pjXRc54qyd4nYfLdTQzrsOQQ8E1XsTjzXfusg==\"}}";

  /** The CometBFT node id of {@link #NODE_KEY}: hex of the first 20 bytes of SHA-256(pubkey). */
  public static final String NODE_ID = "58259f9ca49caa7ca849b66d24e0acd9b70785fa";
}
