@operator
Feature: A new image rolls a Running node exactly once
  A chain operator upgrades a running full node by changing its image. The operator runs one
  node-update plan: it replaces the node's pod once, with the new image, records the image the
  node now runs, and reports the update complete. The node keeps running throughout.

  Scenario: changing the image of a Running full node replaces its pod once and runs the new image
    Given a full node "rpc" on "sei-sim:v6.3.0" is Running
    When I change the image of node "rpc" to "sei-sim:v6.4.0"
    Then the node "rpc" completes its update within 2 minutes
    And while updating, node "rpc" reported NodeUpdateInProgress with reason UpdateStarted
    And the node "rpc" reports NodeUpdateInProgress False with reason UpdateComplete
    And the pod of node "rpc" was replaced exactly once
    And the node "rpc" runs "sei-sim:v6.4.0"
    And node "rpc" went through exactly one node-update:image plan
    And the node "rpc" is still Running
    And the node "rpc" never becomes Failed within 5 seconds
