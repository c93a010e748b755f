package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sei.operator.render.Ownership;

/**
 * How the operator writes every object it owns: server-side apply of the rendered desired state
 * (only the fields it renders), field manager {@code sei-operator}, forcing conflicts.
 */
public final class ServerSideApply {
  private ServerSideApply() {}

  public static void apply(KubernetesClient client, HasMetadata desired) {
    client
        .resource(desired)
        .fieldManager(Ownership.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }
}
