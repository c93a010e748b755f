package io.sei.operator.sidecar;

/**
 * The sidecar refused the request (a 4xx other than 401/403, e.g. unknown task type or bad params)
 * or answered something that is not the v0 API.
 */
public final class SidecarRejectedException extends SidecarException {
  SidecarRejectedException(String message) {
    super(message, null);
  }
}
