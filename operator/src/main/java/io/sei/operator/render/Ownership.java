package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns what the operator applies: every child carries a controller reference to its SeiNode (so
 * garbage collection removes it with the node) — except an imported PVC, which the operator never
 * renders, owns or deletes, and the data PVC of a node labelled {@link Labels#RETAIN_DATA} (a
 * deployment under {@code deletionPolicy: Retain}), which outlives the node.
 */
public final class Ownership {
  private Ownership() {}

  /** Field manager of every server-side apply of the operator. */
  public static final String FIELD_MANAGER = "sei-operator";

  /** A controller reference to {@code node} that blocks its deletion until the child is gone. */
  public static OwnerReference controllerReference(SeiNode node) {
    return new OwnerReferenceBuilder()
        .withApiVersion(node.getApiVersion())
        .withKind(node.getKind())
        .withName(node.getMetadata().getName())
        .withUid(node.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Labels of every child of {@code node}. */
  static Map<String, String> childLabels(SeiNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    labels.put(Labels.NODE, node.getMetadata().getName());
    return labels;
  }

  /** Whether {@code node}'s data outlives it ({@link Labels#RETAIN_DATA}). */
  public static boolean retainsData(SeiNode node) {
    return Optional.ofNullable(node.getMetadata().getLabels())
        .map(l -> Labels.RETAIN_DATA_VALUE.equals(l.get(Labels.RETAIN_DATA)))
        .orElse(false);
  }

  /**
   * Metadata of {@code node}'s data PVC: a child's, or — when the node retains its data — without
   * an owner and labelled with the node's deployment and {@link Labels#RETAIN_DATA}.
   */
  static ObjectMeta dataMetadata(SeiNode node, String name) {
    ObjectMeta meta = childMetadata(node, name);
    if (retainsData(node)) {
      meta.setOwnerReferences(List.of());
      meta.getLabels().put(Labels.RETAIN_DATA, Labels.RETAIN_DATA_VALUE);
      Optional.ofNullable(node.getMetadata().getLabels().get(Labels.DEPLOYMENT))
          .ifPresent(d -> meta.getLabels().put(Labels.DEPLOYMENT, d));
    }
    return meta;
  }

  /** Metadata of a child of {@code node} named {@code name}: namespace, labels, owner. */
  static ObjectMeta childMetadata(SeiNode node, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(node.getMetadata().getNamespace())
        .withLabels(childLabels(node))
        .withOwnerReferences(controllerReference(node))
        .build();
  }
}
