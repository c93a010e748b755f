@operator @snapshot-bucket
Feature: Only the operator can drive a node's sidecar
  Every pod with a sidecar — the bootstrap pod included — has kube-rbac-proxy in front of it. The
  sidecar listens on loopback only; the proxy checks each caller's token with a TokenReview and a
  SubjectAccessReview described by the node's own ConfigMap, and lets only the probe and metrics
  paths through without a token. Nothing in the namespace publishes the sidecar's port.

  Background:
    Given the chain has produced at least 30 blocks

  Scenario: every pod with a sidecar, bootstrap included, carries the proxy and its ConfigMap
    When I create a full node "boot" on "sei-sim:v6.3.0" that bootstraps with "sei-sim:v6.3.0" from the S3 snapshot to a height 5 blocks behind the chain
    Then the node "boot" becomes Running within 3 minutes
    And a bootstrap pod and a production pod of node "boot" were seen
    And every pod that carried a sidecar carried kube-rbac-proxy in front of it
    And the ConfigMap of each proxy existed before its pod
    And no Service and no container of the namespace exposes the sidecar port

  Scenario Outline: a task submitted <caller> is answered <status>
    Given a full node "gated" on "sei-sim:v6.3.0" is Running
    Then a task submitted to the sidecar of node "gated" <caller> is answered <status>
    And no Service and no container of the namespace exposes the sidecar port

    Examples:
      | caller          | status | meaning                                              |
      | anonymously     | 401    | no token: the proxy does not know the caller         |
      | by-a-stranger   | 403    | a valid token without the grant on seinodetasks      |
      | by-the-operator | 201    | the operator's ServiceAccount: the task is accepted  |

  Scenario: the probe and metrics paths are open without a token
    Given a full node "probed" on "sei-sim:v6.3.0" is Running
    Then the sidecar of node "probed" answers "/v0/healthz" without a token
    And the sidecar of node "probed" answers "/v0/livez" without a token
    And the sidecar of node "probed" answers "/v0/startupz" without a token
    And the sidecar of node "probed" answers "/v0/metrics" without a token
