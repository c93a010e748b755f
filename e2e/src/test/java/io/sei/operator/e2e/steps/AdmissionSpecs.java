package io.sei.operator.e2e.steps;

import static io.sei.operator.api.CelRuleCases.FULL_NODE;
import static io.sei.operator.api.CelRuleCases.GROUP;
import static io.sei.operator.api.CelRuleCases.HARD_FORK_GROUP;
import static io.sei.operator.api.CelRuleCases.NODE;
import static io.sei.operator.api.CelRuleCases.VALIDATOR_WITH_KEYS;

import java.util.Map;
import java.util.Optional;

/**
 * The specs behind admission.feature's phrases, built on the api module's admission fixtures
 * ({@code CelRuleCases}). A spec with a {@code before} is an update: the object is created as
 * {@code before}, then changed to {@code spec}.
 */
final class AdmissionSpecs {
  record Spec(String kind, String spec, Optional<String> before) {
    static Spec create(String kind, String spec) {
      return new Spec(kind, spec, Optional.empty());
    }

    static Spec update(String kind, String before, String spec) {
      return new Spec(kind, spec, Optional.of(before));
    }
  }

  private static final String OBSERVER =
      "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0', validator: {}}";
  private static final String ARCHIVE_ON_OLD_DATA =
      "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0', archive: {},"
          + " dataVolume: {import: {pvcName: old-data}}}";
  private static final String SIGNING_VALIDATOR_GROUP =
      """
      spec:
        replicas: 2
        template:
          spec:
            chainId: pacific-1
            image: sei-sim:v6.3.0
            validator:
              signingKey: {secret: {secretName: k}}
              nodeKey: {secret: {secretName: n}}
      """;

  static final Map<String, Spec> BY_PHRASE =
      Map.ofEntries(
          Map.entry(
              "is both a full node and an archive node",
              Spec.create(
                  NODE,
                  "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0', fullNode: {}, archive: {}}")),
          Map.entry(
              "says neither full node, archive nor validator",
              Spec.create(NODE, "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0'}")),
          Map.entry(
              "restores both an S3 snapshot and a state-sync snapshot",
              Spec.create(
                  NODE,
                  FULL_NODE.replace(
                      "s3: {targetHeight: 100}", "s3: {targetHeight: 100}\n      stateSync: {}"))),
          Map.entry(
              "is a validator whose snapshot names no source",
              Spec.create(
                  NODE,
                  "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0',"
                      + " validator: {snapshot: {trustPeriod: 168h}}}")),
          Map.entry(
              "lists a peer source that is both static and by label",
              Spec.create(
                  NODE,
                  "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0', archive: {}, peers:"
                      + " [{static: {addresses: ['abc@127.0.0.1:26656']}, label: {selector: {app:"
                      + " x}}}]}")),
          Map.entry(
              "has a signing key but no node key",
              Spec.create(NODE, VALIDATOR_WITH_KEYS.replaceAll("\n    nodeKey: .*", ""))),
          Map.entry(
              "keeps its signing key and node key in one Secret",
              Spec.create(
                  NODE,
                  VALIDATOR_WITH_KEYS
                      .replace("val-0-signing", "val-0-keys")
                      .replace("val-0-node", "val-0-keys"))),
          Map.entry(
              "switches its signing key to another Secret",
              Spec.update(
                  NODE,
                  VALIDATOR_WITH_KEYS,
                  VALIDATOR_WITH_KEYS.replace("val-0-signing", "val-0-other"))),
          Map.entry("drops its signing key", Spec.update(NODE, VALIDATOR_WITH_KEYS, OBSERVER)),
          Map.entry(
              "switches its node key to another Secret",
              Spec.update(
                  NODE,
                  VALIDATOR_WITH_KEYS,
                  VALIDATOR_WITH_KEYS.replace("val-0-node", "val-0-node2"))),
          Map.entry(
              "moves to another imported data volume",
              Spec.update(
                  NODE,
                  ARCHIVE_ON_OLD_DATA,
                  ARCHIVE_ON_OLD_DATA.replace("old-data", "other-data"))),
          Map.entry(
              "is a HardFork without a halt height",
              Spec.create(GROUP, HARD_FORK_GROUP.replace("    hardFork: {haltHeight: 120}\n", ""))),
          Map.entry(
              "is InPlace but carries HardFork settings",
              Spec.create(GROUP, HARD_FORK_GROUP.replace("type: HardFork", "type: InPlace"))),
          Map.entry(
              "bootstraps into an upgrade without a target height",
              Spec.create(
                  NODE, FULL_NODE.replace("s3: {targetHeight: 100}", "s3: {upgradeName: v6.4.0}"))),
          Map.entry(
              "switches its deletion policy from Retain to Delete",
              Spec.update(
                  GROUP,
                  HARD_FORK_GROUP + "  deletionPolicy: Retain\n",
                  HARD_FORK_GROUP + "  deletionPolicy: Delete\n")),
          Map.entry(
              "imports one PVC for every node",
              Spec.create(
                  GROUP,
                  HARD_FORK_GROUP.replace(
                      "      chainId: pacific-1\n",
                      "      chainId: pacific-1\n      dataVolume: {import: {pvcName: shared-data}}\n"))),
          Map.entry(
              "is a HardFork at halt height 0",
              Spec.create(GROUP, HARD_FORK_GROUP.replace("haltHeight: 120", "haltHeight: 0"))),
          Map.entry(
              "is a HardFork whose nodes state-sync instead of restoring an S3 snapshot",
              Spec.create(
                  GROUP, HARD_FORK_GROUP.replace("s3: {targetHeight: 100}", "stateSync: {}"))),
          Map.entry(
              "runs one signing key on 2 validators", Spec.create(GROUP, SIGNING_VALIDATOR_GROUP)),
          // Accepted.
          Map.entry("is a full node restoring an S3 snapshot", Spec.create(NODE, FULL_NODE)),
          Map.entry(
              "bootstraps into upgrade v6.4.0 at height 100",
              Spec.create(
                  NODE,
                  FULL_NODE.replace(
                      "s3: {targetHeight: 100}", "s3: {targetHeight: 100, upgradeName: v6.4.0}"))),
          Map.entry(
              "is a validator with its signing and node keys in two Secrets",
              Spec.create(NODE, VALIDATOR_WITH_KEYS)),
          Map.entry(
              "gives a running observer its signing and node keys",
              Spec.update(NODE, OBSERVER, VALIDATOR_WITH_KEYS)),
          Map.entry(
              "is a HardFork of 2 full nodes restoring an S3 snapshot at halt height 120",
              Spec.create(GROUP, HARD_FORK_GROUP)),
          Map.entry(
              "runs one signing key on 1 validator",
              Spec.create(GROUP, SIGNING_VALIDATOR_GROUP.replace("replicas: 2", "replicas: 1"))));

  private AdmissionSpecs() {}
}
