@restarts-operator
Feature: A restarted operator resumes a plan where it stood
  The operator keeps nothing in memory that matters: each node's plan, with the state of every
  task, lives in the SeiNode's status. Restarted in the middle of a node's initialisation, the
  operator picks the plan up where it stood — it does not submit the sidecar tasks that already
  completed, it polls the one that was running instead of submitting it again, and it does not
  replace the node's pod.

  Scenario: an operator restarted mid-initialisation resumes without resubmitting or cycling the pod
    Given the chain has produced at least 10 blocks
    When I create a full node "node" on "sei-sim:v6.3.0" that replays the chain from genesis
    And the sidecar of node "node" holds its config-validate task until released
    Then the node "node" is waiting on its config-validate task within 2 minutes
    When the operator restarts while node "node" is mid-plan
    Then the sidecar tasks "configure-genesis, config-apply" had completed before the restart
    When I release the sidecar of node "node"
    Then the node "node" becomes Running within 2 minutes
    And the node "node" has completed its init plan
    And the restarted operator submitted none of them again
    And the restarted operator polled the config-validate task instead of submitting it again
    And the restarted operator submitted the mark-ready task
    And the pod of node "node" is the one it had at the restart
