package io.sei.operator.e2e.steps;

/**
 * Validator key files in CometBFT shape (test keys, secret nowhere), as the simulator reads them.
 */
final class ValidatorKeys {
  private ValidatorKeys() {}

  static final String SIGNING_KEY_FILE = "priv_validator_key.json";
  static final String NODE_KEY_FILE = "node_key.json";
  static final String SIGNER_ADDRESS = "A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9";

  static final String SIGNING_KEY =
      "{\"address\":\""
          + SIGNER_ADDRESS
          + "\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\","
          + "\"value\":\"dGVzdC1wdWJsaWMta2V5LW9mLXRoZS1zaW11bGF0b3I=\"},"
          + "\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\","
          + "\"value\":\"dGVzdC1wcml2YXRlLWtleS1vZi10aGUtc2ltdWxhdG9y\"}}";

  /** An address without keys: the operator must refuse it without echoing the file. */
  static final String MALFORMED_SIGNING_KEY = "{\"address\":\"A0B1\"}";

  static final String NODE_KEY =
      "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\","
          + "\"value\":\"dGVzdC1ub2RlLWtleS1vZi10aGUtc2ltdWxhdG9y\"}}";
}
