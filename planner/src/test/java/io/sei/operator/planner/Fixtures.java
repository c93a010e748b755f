package io.sei.operator.planner;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.sei.operator.api.ArchiveSpec;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.KeySource;
import io.sei.operator.api.LabelPeers;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SecretKeySource;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentSpec;
import io.sei.operator.api.SeiNodeDeploymentStatus;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.api.SeiNodeTemplate;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.StateSyncSource;
import io.sei.operator.api.StaticPeers;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.planner.id.IdSource;
import io.sei.operator.planner.task.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders of specs, nodes and groups shared by the planner tests. */
public final class Fixtures {
  private Fixtures() {}

  public static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
  public static final String IMAGE_V1 = "sei:v1";
  public static final String IMAGE_V2 = "sei:v2";
  public static final String CHAIN = "pacific-1";

  public static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /** plan-1, plan-2, … */
  public static IdSource ids() {
    AtomicInteger next = new AtomicInteger();
    return () -> "plan-" + next.incrementAndGet();
  }

  public static RetryPolicy retries() {
    return RetryPolicy.defaults();
  }

  public static SeiNodeSpec spec() {
    return new SeiNodeSpec().withChainId(CHAIN).withImage(IMAGE_V1);
  }

  public static SeiNodeSpec fullNode(SnapshotSource snapshot) {
    return spec().withFullNode(new FullNodeSpec().withSnapshot(snapshot));
  }

  public static SeiNodeSpec archive() {
    return spec().withArchive(new ArchiveSpec());
  }

  public static SnapshotSource s3(long targetHeight) {
    return new SnapshotSource()
        .withS3(new S3Snapshot().withTargetHeight(targetHeight))
        .withTrustPeriod("168h")
        .withBackfillBlocks(100L);
  }

  public static SnapshotSource stateSync() {
    return new SnapshotSource().withStateSync(new StateSyncSource()).withTrustPeriod("168h");
  }

  public static SnapshotSource bootstrap(String image, long targetHeight) {
    return s3(targetHeight).withBootstrapImage(image);
  }

  public static KeySource key(String secret) {
    return new KeySource().withSecret(new SecretKeySource().withSecretName(secret));
  }

  /** A validator; {@code signingKey} null means an observer without keys. */
  public static SeiNodeSpec validator(String signingKey) {
    ValidatorSpec validator = new ValidatorSpec().withSnapshot(stateSync());
    if (signingKey != null) {
      validator.withSigningKey(key(signingKey)).withNodeKey(key(signingKey + "-node"));
    }
    return spec().withValidator(validator);
  }

  public static List<PeerSource> staticPeers(String... addresses) {
    return List.of(
        new PeerSource().withStaticPeers(new StaticPeers().withAddresses(List.of(addresses))));
  }

  public static PeerSource labelPeers(Map<String, String> selector, String namespace) {
    return new PeerSource()
        .withLabel(new LabelPeers().withSelector(selector).withNamespace(namespace));
  }

  public static SeiNode node(SeiNodeSpec spec) {
    SeiNode node = new SeiNode();
    node.getMetadata().setName("node-a");
    node.getMetadata().setNamespace("chain");
    node.getMetadata().setGeneration(3L);
    node.setSpec(spec);
    node.setStatus(new SeiNodeStatus());
    return node;
  }

  /** A Running node whose pod runs {@code currentImage} with {@code mountedKey} mounted. */
  public static SeiNode running(SeiNodeSpec spec, String currentImage, String mountedKey) {
    SeiNode node = node(spec);
    node.getStatus()
        .withPhase(NodePhase.Running)
        .withCurrentImage(currentImage)
        .withSigningKeyMountedSecret(mountedKey);
    return node;
  }

  public static Condition condition(String type, String status, String reason, String at) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withLastTransitionTime(at)
        .build();
  }

  public static SeiNodeDeployment group(UpdateStrategyType type, SeiNodeSpec template) {
    SeiNodeDeployment snd = new SeiNodeDeployment();
    snd.getMetadata().setName("rpc");
    snd.getMetadata().setNamespace("chain");
    snd.getMetadata().setUid("uid-rpc");
    snd.getMetadata().setGeneration(7L);
    UpdateStrategy strategy = new UpdateStrategy().withType(type);
    if (type == UpdateStrategyType.HardFork) {
      strategy.withHardFork(new HardForkStrategy().withHaltHeight(100L));
    }
    snd.setSpec(
        new SeiNodeDeploymentSpec()
            .withReplicas(2)
            .withTemplate(new SeiNodeTemplate().withSpec(template))
            .withUpdateStrategy(strategy));
    snd.setStatus(new SeiNodeDeploymentStatus());
    return snd;
  }
}
