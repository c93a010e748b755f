package io.sei.operator.planner.id;

/**
 * Where plan ids come from. The planner never creates random ids itself; the operator injects a
 * source, typically {@code () -> UUID.randomUUID().toString()}, and tests inject a counter.
 */
@FunctionalInterface
public interface IdSource {

  /** A fresh, never-before-returned plan id. */
  String newPlanId();
}
