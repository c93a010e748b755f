package io.sei.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.sei.operator.api.DataVolumeSpec;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.ImportSpec;
import io.sei.operator.api.KeySource;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SecretKeySource;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SidecarSpec;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.config.PlatformConfig;
import java.util.Map;

/** SeiNodes and platform configs the operator's tests render. */
public final class Fixtures {
  private Fixtures() {}

  public static final String PROXY_IMAGE = "quay.io/brancz/kube-rbac-proxy:v0.19.1";
  public static final String SEID_IMAGE = "ghcr.io/sei-protocol/seid:v6.4.0";
  public static final String BOOTSTRAP_IMAGE = "ghcr.io/sei-protocol/seid:v6.3.0";

  /** Every required platform setting, as a typical install gives them. */
  public static final Map<String, String> REQUIRED_ENV =
      Map.of(
          "SEI_KUBE_RBAC_PROXY_IMAGE", PROXY_IMAGE,
          "SEI_GENESIS_BUCKET", "sei-genesis",
          "SEI_GENESIS_REGION", "us-east-2",
          "SEI_SNAPSHOT_BUCKET", "sei-snapshots",
          "SEI_SNAPSHOT_REGION", "us-east-2");

  /** The required settings plus {@code extra}. */
  public static PlatformConfig config(Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(REQUIRED_ENV);
    env.putAll(extra);
    return PlatformConfig.fromEnvironment(env);
  }

  /** The platform as a typical install configures it. */
  public static PlatformConfig config() {
    return config(Map.of("SEI_STORAGE_CLASS", "gp3"));
  }

  /** The platform with every default (only the required settings given). */
  public static PlatformConfig defaultConfig() {
    return config(Map.of());
  }

  /** A full node restoring an S3 snapshot through a bootstrap Job, with extra pod labels. */
  public static SeiNode fullNode() {
    return node(
        "rpc-0",
        "3b0f5d9e-1c2a-4e7b-8f60-0a1b2c3d4e5f",
        new SeiNodeSpec()
            .withChainId("pacific-1")
            .withImage(SEID_IMAGE)
            .withPodLabels(Map.of("team", "rpc", "tier", "public"))
            .withFullNode(
                new FullNodeSpec()
                    .withSnapshot(
                        new SnapshotSource()
                            .withS3(new S3Snapshot().withTargetHeight(99L))
                            .withBootstrapImage(BOOTSTRAP_IMAGE))));
  }

  /**
   * A validator with its signing and node keys, its own sidecar image, port and resources, also
   * bootstrapping from S3.
   */
  public static SeiNode validator() {
    return node(
        "val-0",
        "9d8c7b6a-5f4e-4d3c-b2a1-f0e9d8c7b6a5",
        new SeiNodeSpec()
            .withChainId("pacific-1")
            .withImage(SEID_IMAGE)
            .withSidecar(
                new SidecarSpec()
                    .withImage("ghcr.io/sei-protocol/seictl:v1.2.0")
                    .withPort(7700)
                    .withResources(
                        new ResourceRequirementsBuilder()
                            .withRequests(Map.of("cpu", new Quantity("250m")))
                            .build()))
            .withValidator(
                new ValidatorSpec()
                    .withSnapshot(
                        new SnapshotSource()
                            .withS3(new S3Snapshot().withTargetHeight(99L))
                            .withBootstrapImage(BOOTSTRAP_IMAGE))
                    .withSigningKey(key("val-0-signing-key"))
                    .withNodeKey(key("val-0-node-key"))));
  }

  /** A full node on an existing PVC. */
  public static SeiNode importedVolume() {
    SeiNode node = fullNode();
    node.getSpec()
        .withDataVolume(
            new DataVolumeSpec().withDataImport(new ImportSpec().withPvcName("rpc-0-legacy")));
    return node;
  }

  private static KeySource key(String secretName) {
    return new KeySource().withSecret(new SecretKeySource().withSecretName(secretName));
  }

  private static SeiNode node(String name, String uid, SeiNodeSpec spec) {
    SeiNode node = new SeiNode();
    node.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace("sei-mainnet").withUid(uid).build());
    node.setSpec(spec);
    return node;
  }
}
