package io.sei.operator.sidecar;

import java.util.Optional;

/**
 * A task as the sidecar reports it.
 *
 * @param error why the task failed; empty unless {@code state} is {@link TaskState#FAILED}
 */
public record SidecarTask(String id, String type, TaskState state, Optional<String> error) {}
