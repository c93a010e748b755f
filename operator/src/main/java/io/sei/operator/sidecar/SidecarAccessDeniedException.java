package io.sei.operator.sidecar;

/**
 * kube-rbac-proxy refused the operator (401 or 403): its ServiceAccount token was not accepted or
 * lacks the verb on {@code seinodetasks.sei.io} that the request's HTTP method maps to. Retrying
 * does not help until the operator's RBAC is fixed.
 */
public final class SidecarAccessDeniedException extends SidecarException {
  private final int status;

  SidecarAccessDeniedException(String message, int status) {
    super(message, null);
    this.status = status;
  }

  /** 401 or 403. */
  public int status() {
    return status;
  }
}
