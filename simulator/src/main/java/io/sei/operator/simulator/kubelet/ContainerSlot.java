package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Instant;

/** What the kubelet knows about one container of a pod; guarded by its sandbox. */
final class ContainerSlot {
  final Container spec;
  final boolean init;
  final boolean nativeSidecar;
  ContainerProcess process;
  int restartCount;
  boolean started;
  boolean ready;
  Instant startedAt;
  ContainerState state;
  ContainerState lastState;

  /** Set while waiting out a crash-loop back-off. */
  Instant restartAt;

  int livenessFailures;
  int readinessFailures;
  int readinessSuccesses;

  ContainerSlot(Container spec, boolean init) {
    this.spec = spec;
    this.init = init;
    this.nativeSidecar = init && "Always".equals(spec.getRestartPolicy());
    this.state = waiting("ContainerCreating", null);
  }

  boolean running() {
    return state.getRunning() != null;
  }

  boolean terminated() {
    return state.getTerminated() != null;
  }

  Integer exitCode() {
    return terminated() ? state.getTerminated().getExitCode() : null;
  }

  static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .build();
  }

  ContainerStatus status(String podUid) {
    return new ContainerStatusBuilder()
        .withName(spec.getName())
        .withImage(spec.getImage())
        .withImageID("sim://" + spec.getImage())
        .withContainerID(
            startedAt == null
                ? null
                : "sim://" + podUid + "/" + spec.getName() + "/" + restartCount)
        .withReady(ready)
        .withStarted(started)
        .withRestartCount(restartCount)
        .withState(state)
        .withLastState(lastState == null ? new ContainerState() : lastState)
        .build();
  }
}
