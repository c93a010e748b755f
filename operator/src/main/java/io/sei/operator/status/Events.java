package io.sei.operator.status;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.planner.plan.Timestamps;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes events on a SeiNode or SeiNodeDeployment. Messages carry plan and task names, ids and
 * errors — never key material (task errors name Secrets and fields, not values).
 */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);
  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  /** An event decided during a reconcile, emitted once its status write succeeded. */
  public record Pending(String type, String reason, String message) {}

  private final KubernetesClient client;
  private final Clock clock;

  public Events(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void emit(HasMetadata node, Pending event) {
    String now = Timestamps.format(clock.instant());
    try {
      client
          .v1()
          .events()
          .inNamespace(node.getMetadata().getNamespace())
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(node.getMetadata().getName() + "." + UUID.randomUUID())
                  .withNamespace(node.getMetadata().getNamespace())
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(node.getApiVersion())
                          .withKind(node.getKind())
                          .withName(node.getMetadata().getName())
                          .withNamespace(node.getMetadata().getNamespace())
                          .withUid(node.getMetadata().getUid())
                          .build())
                  .withType(event.type())
                  .withReason(event.reason())
                  .withMessage(event.message())
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .withNewSource()
                  .withComponent("sei-operator")
                  .endSource()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} on {} {}/{}: {}",
          event.reason(),
          node.getKind(),
          node.getMetadata().getNamespace(),
          node.getMetadata().getName(),
          e.getMessage());
    }
  }
}
