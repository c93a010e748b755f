package io.sei.operator.render;

import io.sei.operator.api.Labels;
import io.sei.operator.planner.plan.SidecarTarget;

/** The two pods of a node that run a sidecar: the StatefulSet's and the bootstrap Job's. */
public enum PodRole {
  PRODUCTION(Labels.ROLE_PRODUCTION),
  BOOTSTRAP(Labels.ROLE_BOOTSTRAP);

  private final String label;

  PodRole(String label) {
    this.label = label;
  }

  /** Value of {@link Labels#ROLE} on pods of this role. */
  public String label() {
    return label;
  }

  /** The pod whose sidecar a planned sidecar-side task goes to. */
  public static PodRole of(SidecarTarget target) {
    return target == SidecarTarget.BOOTSTRAP ? BOOTSTRAP : PRODUCTION;
  }
}
