package io.sei.operator.sidecar;

/**
 * Transient: the sidecar could not be reached or answered 5xx (the pod is starting, the proxy is
 * not ready, the sidecar restarts). Retry the step later.
 */
public final class SidecarUnavailableException extends SidecarException {
  SidecarUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  SidecarUnavailableException(String message) {
    this(message, null);
  }
}
