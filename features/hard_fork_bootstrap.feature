@operator @own-chain
Feature: A hard fork moves a deployment onto the new binary at the chain's halt height
  At a hard fork the old binary must stop exactly at the upgrade height and the new one must
  carry the chain on from there. The chain operator switches the deployment to the HardFork
  strategy with the halt height and the new image. The operator creates new nodes ("entrants")
  that restore a snapshot and sync to the block before the halt height with the old image,
  then start the new image, which applies the upgrade. Only when the entrants are past the
  upgrade does the group's Service move to them; only then are the old nodes ("incumbents")
  removed. The operator never halts the incumbents itself — their old binary stops at the
  upgrade height by the chain's own rule — and a failed rollout leaves them in place, untouched,
  with the Service still pointing at them.

  An upgrade that adds stores needs more: the new binary loads the new stores only when the old
  binary wrote data/upgrade-info.json, which it does when it stops for the upgrade — not when it
  halts before it. Naming the upgrade in the strategy makes each entrant's bootstrap run the old
  binary into that stop and count exactly that stop as its success.

  Scenario: entrants bootstrap on the old image to the block before the halt height, upgrade, and take the traffic
    Given the chain halts for upgrade "v6.4.0" at height 120 until an upgraded node carries it on
    And a SeiNodeDeployment "pacific" of 2 full nodes on "sei-sim:v6.3.0" is Ready
    When I switch the deployment "pacific" to HardFork with haltHeight 120 and image "sei-sim:v6.4.0"
    Then the deployment "pacific" becomes Ready on "sei-sim:v6.4.0" within 5 minutes
    And the rollout plan of "pacific" was exactly create-entrant-nodes, await-nodes-running, switch-traffic, teardown-nodes
    And every entrant was created with bootstrap image "sei-sim:v6.3.0" and S3 target height 119
    And every entrant's bootstrap Job ran "sei-sim:v6.3.0" and halted at height 119
    And every entrant's production pod runs "sei-sim:v6.4.0" and applied upgrade "v6.4.0" at height 120
    And the Service "pacific" selected the entrants before any incumbent was deleted
    And no incumbent was halted or restarted by the operator
    And the chain carries on past height 120 within 1 minute
    And the chain records no double-sign evidence within 5 seconds
    And the next reconciles of deployment "pacific" write nothing for 4 seconds

  Scenario: a new binary that crashes at the upgrade height fails the rollout and leaves the incumbents in place
    Given the chain halts for upgrade "v6.4.0" at height 80 until an upgraded node carries it on
    And a SeiNodeDeployment "pacific" of 2 full nodes on "sei-sim:v6.3.0" is Ready
    When I switch the deployment "pacific" to HardFork with haltHeight 80 and image "sei-sim:v6.4.0"
    And the new binary of every entrant crashes at the upgrade height
    Then the deployment "pacific" becomes Degraded within 5 minutes
    And the deployment "pacific" reports RolloutInProgress False with reason RolloutFailed naming "await-nodes-running" and "seid crash-loops"
    And the Service "pacific" still selects the incumbents
    And no incumbent was halted or restarted by the operator
    And every incumbent is kept, and its seid stopped for nothing but upgrade "v6.4.0" at height 80
    And the entrants are kept for inspection
    And the chain records no double-sign evidence within 5 seconds

  Scenario: a halt height behind every snapshot in the bucket fails the entrants with a clear reason
    Given the chain takes a snapshot every 50 blocks and has produced at least 60 blocks
    And a SeiNodeDeployment "pacific" of 1 full node on "sei-sim:v6.3.0" is Ready
    When I switch the deployment "pacific" to HardFork with haltHeight 40 and image "sei-sim:v6.4.0"
    Then the deployment "pacific" becomes Degraded within 3 minutes
    And every entrant is Failed at task snapshot-restore with a reason naming "no snapshot at or below height 39"
    And the deployment "pacific" reports RolloutInProgress False with reason RolloutFailed naming "snapshot-restore" and "no snapshot at or below height 39"
    And the Service "pacific" still selects the incumbents
    And no incumbent was halted or restarted by the operator

  Scenario: an upgrade that adds stores: entrants bootstrap into the old binary's stop for it, and the new binary adds the stores
    Given the chain halts for upgrade "v6.4.0" adding stores at height 120 until an upgraded node carries it on
    And a SeiNodeDeployment "pacific" of 2 full nodes on "sei-sim:v6.3.0" is Ready
    When I switch the deployment "pacific" to HardFork for upgrade "v6.4.0" with haltHeight 120 and image "sei-sim:v6.4.0"
    Then the deployment "pacific" becomes Ready on "sei-sim:v6.4.0" within 5 minutes
    And every entrant was created with bootstrap image "sei-sim:v6.3.0", S3 target height 120 and upgrade "v6.4.0"
    And every entrant's bootstrap Job ran "sei-sim:v6.3.0" and stopped for upgrade "v6.4.0" at height 120
    And every entrant's production pod runs "sei-sim:v6.4.0" and applied upgrade "v6.4.0" at height 120
    And the Service "pacific" selected the entrants before any incumbent was deleted
    And the chain carries on past height 120 within 1 minute
    And the chain records no double-sign evidence within 5 seconds

  Scenario: an upgrade that adds stores, rolled out without its name, fails: the new binary cannot load the stores
    Given the chain halts for upgrade "v6.4.0" adding stores at height 80 until an upgraded node carries it on
    And a SeiNodeDeployment "pacific" of 2 full nodes on "sei-sim:v6.3.0" is Ready
    When I switch the deployment "pacific" to HardFork with haltHeight 80 and image "sei-sim:v6.4.0"
    Then the deployment "pacific" becomes Degraded within 5 minutes
    And the deployment "pacific" reports RolloutInProgress False with reason RolloutFailed naming "await-nodes-running" and "mismatch root store's version"
    And the Service "pacific" still selects the incumbents
    And no incumbent was halted or restarted by the operator

  Scenario: a wrong upgrade name fails the entrants' bootstrap with the stop it expected and the one it saw
    Given the chain halts for upgrade "v6.4.0" at height 80 until an upgraded node carries it on
    And a SeiNodeDeployment "pacific" of 1 full node on "sei-sim:v6.3.0" is Ready
    When I switch the deployment "pacific" to HardFork for upgrade "v6.4.1" with haltHeight 80 and image "sei-sim:v6.4.1"
    Then the deployment "pacific" becomes Degraded within 5 minutes
    And every entrant is Failed at task await-bootstrap-complete with a reason naming 'UPGRADE "v6.4.1" NEEDED at height: 80'
    And the Service "pacific" still selects the incumbents
    And no incumbent was halted or restarted by the operator
