package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.sei.operator.api.SeiNode;
import io.sei.operator.config.PlatformConfig;
import java.util.List;

/**
 * The bootstrap Job {@code <node>-bootstrap} (seed 003): the node's pod shape on the same data PVC,
 * with {@code image} syncing to {@code haltHeight} and exiting there; one attempt, no restarts, and
 * never the validator's keys (a bootstrap pod must not sign).
 */
public final class BootstrapJob {
  private BootstrapJob() {}

  public static Job render(SeiNode node, PlatformConfig config, String image, long haltHeight) {
    PodTemplateSpec template =
        NodePod.template(
            node,
            config,
            PodRole.BOOTSTRAP,
            image,
            List.of("--halt-height", Long.toString(haltHeight)));
    template.getSpec().setRestartPolicy("Never");
    return new JobBuilder()
        .withMetadata(Ownership.childMetadata(node, Names.bootstrapJob(node)))
        .withNewSpec()
        .withBackoffLimit(0)
        .withTemplate(template)
        .endSpec()
        .build();
  }
}
