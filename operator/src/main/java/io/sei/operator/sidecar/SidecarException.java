package io.sei.operator.sidecar;

/** A call to a node's sidecar (through its kube-rbac-proxy) that did not succeed. */
public abstract sealed class SidecarException extends RuntimeException
    permits SidecarUnavailableException, SidecarAccessDeniedException, SidecarRejectedException {

  SidecarException(String message, Throwable cause) {
    super(message, cause);
  }
}
