@operator @own-chain
Feature: A signing validator group rolls out break-before-make: one key, one signer, always
  One signing key on two running pods double-signs, and the chain slashes the validator for it.
  When the template of a group names a signing key, a BlueGreen or HardFork rollout creates its
  entrant without the validator's keys, as an observer that syncs (and, for a hard fork, crosses
  the upgrade) like any other entrant. Only after the traffic switch, once the incumbent and
  every pod of it are gone, does the operator hand the keys to the entrant, which takes them
  through its own node update. The validator misses blocks in between: the price of never signing
  twice. A watch on every pod that mounts the key, started before the group exists, is the
  evidence; the chain's own record shows the validator signing before and after.

  Scenario: BlueGreen: the entrant syncs keyless and gets the key once the incumbent's pod is gone
    Given a SeiNodeDeployment "val" of 1 signing validator on "sei-sim:v6.3.0" is Ready
    Then the validator signs blocks within 1 minute
    When I switch the deployment "val" to BlueGreen with image "sei-sim:v6.3.1"
    Then the deployment "val" becomes Ready on "sei-sim:v6.3.1" within 5 minutes
    And the rollout plan of "val" was exactly create-entrant-nodes, await-nodes-running, await-nodes-caught-up, switch-traffic, teardown-nodes, hand-over-validator-keys
    And no two pods ever held the signing key at once, and the key moved to the entrant
    And the validator signs again within 1 minute, and the blocks it missed are reported
    And the chain records no double-sign evidence within 5 seconds

  Scenario: HardFork: the keyless entrant crosses the upgrade, then takes over signing
    Given the chain halts for upgrade "v6.4.0" at height 120 until an upgraded node carries it on
    And a SeiNodeDeployment "val" of 1 signing validator on "sei-sim:v6.3.0" is Ready
    Then the validator signs blocks within 1 minute
    When the chain operator notes the validator's signatures
    And I switch the deployment "val" to HardFork with haltHeight 120 and image "sei-sim:v6.4.0"
    Then the deployment "val" becomes Ready on "sei-sim:v6.4.0" within 5 minutes
    And the rollout plan of "val" was exactly create-entrant-nodes, await-nodes-running, switch-traffic, teardown-nodes, hand-over-validator-keys
    And no two pods ever held the signing key at once, and the key moved to the entrant
    And the chain carries on past height 120 within 1 minute
    And the validator signs again within 1 minute, and the blocks it missed are reported
    And the chain records no double-sign evidence within 5 seconds

  Scenario: HardFork whose new binary crashes: the rollout fails and the entrant never gets the key
    Given the chain halts for upgrade "v6.4.0" at height 80 until an upgraded node carries it on
    And a SeiNodeDeployment "val" of 1 signing validator on "sei-sim:v6.3.0" is Ready
    Then the validator signs blocks within 1 minute
    When I switch the deployment "val" to HardFork with haltHeight 80 and image "sei-sim:v6.4.0"
    And the new binary of every entrant crashes at the upgrade height
    Then the deployment "val" becomes Degraded within 5 minutes
    And the Service "val" still selects the incumbents
    And no two pods ever held the signing key at once, and the entrants never received it
    And the entrants are kept for inspection
    And the chain records no double-sign evidence within 5 seconds
