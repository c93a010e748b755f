package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.sei.operator.api.SeiNode;
import io.sei.operator.config.PlatformConfig;
import java.util.List;

/**
 * The production StatefulSet {@code <node>}: one pod, {@code OnDelete} updates (the operator cycles
 * the pod itself with {@code replace-pod}), the pod template annotated with its {@link
 * PodSpecHash}.
 */
public final class NodeStatefulSet {
  private NodeStatefulSet() {}

  /**
   * The StatefulSet running {@code seidImage} (the image the current plan rolls out, which may
   * differ from {@code spec.image} while a plan runs).
   */
  public static StatefulSet render(SeiNode node, PlatformConfig config, String seidImage) {
    PodTemplateSpec template =
        NodePod.template(node, config, PodRole.PRODUCTION, seidImage, List.of());
    template.getMetadata().setAnnotations(PodSpecHash.annotation(template.getSpec()));
    return new StatefulSetBuilder()
        .withMetadata(Ownership.childMetadata(node, Names.statefulSet(node)))
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(Names.service(node, PodRole.PRODUCTION))
        .withPodManagementPolicy("OrderedReady")
        .withNewUpdateStrategy()
        .withType("OnDelete")
        .endUpdateStrategy()
        .withNewSelector()
        .withMatchLabels(NodePod.selector(node, PodRole.PRODUCTION))
        .endSelector()
        .withTemplate(template)
        .endSpec()
        .build();
  }
}
