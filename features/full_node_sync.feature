@operator @snapshot-bucket
Feature: A full node joins the chain from an S3 snapshot
  A chain operator creates a full node that restores the latest snapshot from the bucket
  instead of replaying the chain from genesis. The operator prepares its volume, its
  configuration and its sidecar, starts seid, and the node keeps up with the chain. Deleting
  the node removes everything the operator made for it.

  Scenario: a full node restored from the latest snapshot reaches Running and follows the chain
    Given the chain has produced at least 20 blocks
    When I create a full node "rpc" on "sei-sim:v6.3.0" that restores the latest S3 snapshot
    Then the node "rpc" becomes Running within 3 minutes
    And the node "rpc" has completed its init plan
    And the node "rpc" runs "sei-sim:v6.3.0"
    And the node "rpc" reports a chain height that keeps growing
    And the node "rpc" never becomes Failed within 5 seconds
    When I delete the node "rpc"
    Then the node "rpc" and its pods no longer exist within 2 minutes
