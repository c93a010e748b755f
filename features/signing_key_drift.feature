@operator
Feature: A signing key patched into an observer turns it into a signing validator
  A validator can start as a non-signing observer and receive its keys later. When the chain
  operator references the signing-key and node-key Secrets in the node's spec, the operator checks
  the key before touching the pod, replaces the pod once with the key mounted, and from then on
  the node signs blocks — without ever signing twice. A missing or malformed key stops the update
  before the pod is touched, with a reason that says what is wrong and never the key itself.

  Background:
    Given the chain has produced at least 10 blocks
    And a validator "val" on "sei-sim:v6.3.0" is Running as an observer, without keys

  Scenario: a signing key patched in is validated, mounted with one pod cycle, and signs blocks
    Given the validator's signing key is stored in Secret "val-signing-key"
    And the validator's node key is stored in Secret "val-node-key"
    When I give the validator "val" the signing key "val-signing-key" and the node key "val-node-key"
    Then the node "val" completes its update within 2 minutes
    And while updating, node "val" reported NodeUpdateInProgress with reason SigningKeyUpdateStarted
    And the update plan of node "val" validated the signing key before replacing the pod
    And the pod of node "val" was replaced exactly once
    And the node "val" has the signing key of Secret "val-signing-key" mounted
    And the node "val" reports SigningKeyReady True with reason SigningKeyValidated
    And the node "val" reports NodeUpdateInProgress False with reason UpdateComplete
    And the chain records blocks signed by the validator's key within 1 minute
    And the chain records no double-sign evidence within 5 seconds
    And the next reconciles of node "val" write nothing for 4 seconds

  Scenario: a new image and a signing key in one edit are one plan with one pod cycle
    Given the validator's signing key is stored in Secret "val-signing-key"
    And the validator's node key is stored in Secret "val-node-key"
    When I give the validator "val" the signing key "val-signing-key" and the node key "val-node-key" and change its image to "sei-sim:v6.4.0", in one edit
    Then the node "val" completes its update within 2 minutes
    And node "val" went through exactly one node-update:image+signing-key plan
    And while updating, node "val" reported NodeUpdateInProgress with reason UpdateAndSigningKeyUpdateStarted
    And the pod of node "val" was replaced exactly once
    And the node "val" runs "sei-sim:v6.4.0"
    And the node "val" has the signing key of Secret "val-signing-key" mounted

  Scenario: a signing-key Secret that does not exist stops the update before the pod is touched
    When I give the validator "val" the signing key "val-signing-key" and the node key "val-node-key"
    Then the update of node "val" fails within 2 minutes
    And the node "val" reports SigningKeyReady False with reason SigningKeyNotReady
    And the SigningKeyReady condition of node "val" mentions "val-signing-key does not exist" but not "priv_key"
    And the node "val" has no signing key mounted
    And the node "val" is still Running
    And the pod of node "val" is never replaced within 5 seconds

  Scenario: a malformed signing key is refused without echoing it and the pod is not touched
    Given Secret "val-signing-key" holds a malformed signing key
    And the validator's node key is stored in Secret "val-node-key"
    When I give the validator "val" the signing key "val-signing-key" and the node key "val-node-key"
    Then the update of node "val" fails within 2 minutes
    And the node "val" reports SigningKeyReady False with reason SigningKeyInvalid
    And the SigningKeyReady condition of node "val" mentions "pub_key.type" but not "A0B1"
    And the node "val" has no signing key mounted
    And the pod of node "val" is never replaced within 5 seconds
