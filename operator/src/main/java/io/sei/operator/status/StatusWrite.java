package io.sei.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The one status write of a reconcile: a PUT of the status subresource carrying the observed {@code
 * resourceVersion} (optimistic lock), skipped when the status did not change. The written object
 * goes into JOSDK's cache so the next reconcile starts from it.
 */
public final class StatusWrite {
  private StatusWrite() {}

  /** The status as JSON, to compare before and after a reconcile. */
  public static JsonNode snapshot(Object status) {
    return Serialization.jsonMapper().valueToTree(status);
  }

  /** What happened to the status. */
  public enum Result {
    UNCHANGED,
    WRITTEN,
    /** The resource changed since it was read (409); the caller requeues, nothing is lost. */
    CONFLICT
  }

  public static <R extends HasMetadata> Result writeIfChanged(
      R resource, JsonNode before, Object status, Context<R> context) {
    if (snapshot(status).equals(before)) {
      return Result.UNCHANGED;
    }
    try {
      R written = context.getClient().resource(resource).updateStatus();
      context
          .eventSourceRetriever()
          .getControllerEventSource()
          .handleRecentResourceUpdate(ResourceID.fromResource(written), written, resource);
      return Result.WRITTEN;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return Result.CONFLICT;
      }
      throw e;
    }
  }
}
