package io.sei.operator.planner.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.sei.operator.api.DeletionPolicy;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeTemplate;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.TemplateMetadata;
import io.sei.operator.planner.plan.NodePlans;
import io.sei.operator.planner.task.CreateEntrantNodesParams;
import io.sei.operator.planner.task.InvalidTaskException;
import io.sei.operator.planner.task.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders the SeiNodes that {@code create-entrant-nodes} creates: a pure function of the group and
 * the task's params, so the executor only has to apply its result.
 */
public final class EntrantNodes {
  private EntrantNodes() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One SeiNode per {@code params.nodeNames()}: the template spec (deep copy), the template's
   * labels and annotations plus {@link Labels#DEPLOYMENT}, {@link Labels#REVISION}, {@link
   * Labels#MANAGED_BY} and, under {@code deletionPolicy: Retain}, {@link Labels#RETAIN_DATA}, and a
   * controller owner reference to the group. For HardFork, see {@link #entrantSpec}; with {@link
   * CreateEntrantNodesParams#withholdValidatorKeys()}, without the validator's keys.
   *
   * @throws InvalidTaskException ({@code UNSATISFIABLE}, terminal) when HardFork params meet a
   *     template without an S3 snapshot source
   */
  public static List<SeiNode> render(SeiNodeDeployment snd, CreateEntrantNodesParams params)
      throws InvalidTaskException {
    SeiNodeTemplate template = snd.getSpec().getTemplate();
    SeiNodeSpec spec = entrantSpec(template.getSpec(), params.hardFork());
    if (params.withholdValidatorKeys()) {
      withoutValidatorKeys(spec);
    }
    Optional<TemplateMetadata> metadata = Optional.ofNullable(template.getMetadata());
    List<SeiNode> nodes = new ArrayList<>();
    for (String name : params.nodeNames()) {
      Map<String, String> labels =
          new TreeMap<>(metadata.map(TemplateMetadata::getLabels).orElse(Map.of()));
      labels.put(Labels.DEPLOYMENT, params.groupName());
      labels.put(Labels.REVISION, params.entrantRevision());
      labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
      if (retainsData(snd)) {
        labels.put(Labels.RETAIN_DATA, Labels.RETAIN_DATA_VALUE);
      }
      ObjectMeta meta = new ObjectMeta();
      meta.setName(name);
      meta.setNamespace(params.namespace());
      meta.setLabels(labels);
      metadata
          .map(TemplateMetadata::getAnnotations)
          .map(TreeMap::new)
          .ifPresent(meta::setAnnotations);
      meta.setOwnerReferences(
          List.of(
              new OwnerReferenceBuilder()
                  .withApiVersion(snd.getApiVersion())
                  .withKind(snd.getKind())
                  .withName(snd.getMetadata().getName())
                  .withUid(snd.getMetadata().getUid())
                  .withController(true)
                  .withBlockOwnerDeletion(true)
                  .build()));
      SeiNode node = new SeiNode();
      node.setMetadata(meta);
      node.setSpec(copy(spec));
      nodes.add(node);
    }
    return nodes;
  }

  /** The spec names a signing key: a validator that signs, whose key only one pod may hold. */
  public static boolean signsWithKeys(SeiNodeSpec spec) {
    return spec.getValidator() != null && spec.getValidator().getSigningKey() != null;
  }

  /** Drops {@code validator.signingKey} and {@code validator.nodeKey}: the node observes. */
  private static void withoutValidatorKeys(SeiNodeSpec spec) {
    if (spec.getValidator() != null) {
      spec.getValidator().setSigningKey(null);
      spec.getValidator().setNodeKey(null);
    }
  }

  /** {@code deletionPolicy} Retain, the default: the nodes' data PVCs are not owned by them. */
  static boolean retainsData(SeiNodeDeployment snd) {
    return snd.getSpec().getDeletionPolicy() != DeletionPolicy.Delete;
  }

  /**
   * The entrant spec: a deep copy of the template spec; with {@code hardFork}, its snapshot source
   * gets {@code bootstrapImage = incumbentImage} and the S3 source of {@link
   * CreateEntrantNodesParams.HardFork#snapshot()}, so the entrant bootstraps on the old binary up
   * to the block before the upgrade (or into the upgrade's stop, with its name) and its production
   * pod (new image) applies the upgrade.
   *
   * @throws InvalidTaskException ({@code UNSATISFIABLE}) when {@code hardFork} is set and the
   *     template has no S3 snapshot source
   */
  public static SeiNodeSpec entrantSpec(
      SeiNodeSpec template, CreateEntrantNodesParams.HardFork hardFork)
      throws InvalidTaskException {
    SeiNodeSpec spec = copy(template);
    if (hardFork == null) {
      return spec;
    }
    SnapshotSource snapshot =
        NodePlans.snapshot(spec)
            .filter(s -> s.getS3() != null)
            .orElseThrow(
                () ->
                    InvalidTaskException.unsatisfiable(
                        TaskType.CREATE_ENTRANT_NODES.wireName(),
                        "a HardFork entrant needs an S3 snapshot source in the template"));
    snapshot.setBootstrapImage(hardFork.incumbentImage());
    snapshot.setS3(hardFork.snapshot());
    return spec;
  }

  private static SeiNodeSpec copy(SeiNodeSpec spec) {
    return MAPPER.convertValue(MAPPER.valueToTree(spec), SeiNodeSpec.class);
  }
}
