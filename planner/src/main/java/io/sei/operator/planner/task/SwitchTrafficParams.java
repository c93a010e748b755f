package io.sei.operator.planner.task;

/**
 * Group params of {@code switch-traffic}: point the group Service selector at {@code
 * entrantRevision} (before any teardown: no traffic gap).
 */
public record SwitchTrafficParams(String groupName, String namespace, String entrantRevision)
    implements TaskParams {
  public SwitchTrafficParams {
    Require.text(groupName, "groupName");
    Require.text(namespace, "namespace");
    Require.text(entrantRevision, "entrantRevision");
  }
}
