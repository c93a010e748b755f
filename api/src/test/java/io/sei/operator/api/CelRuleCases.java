package io.sei.operator.api;

import java.util.stream.Stream;

/**
 * One accepted and one rejected object per admission rule of SPEC §4, shared by the CEL unit test
 * and the integration test against a real API server (published in the api test-jar).
 */
public final class CelRuleCases {
  private CelRuleCases() {}

  /** A rule case: the message of the rule, then accepted / rejected objects (old = update from). */
  public record Case(String kind, String message, String accepted, String rejected, String old) {
    @Override
    public String toString() {
      return kind + ": " + message;
    }
  }

  public static final String NODE = "SeiNode";
  public static final String GROUP = "SeiNodeDeployment";

  public static final String FULL_NODE =
      """
      spec:
        chainId: pacific-1
        image: sei-sim:v6.3.0
        fullNode:
          snapshot:
            s3: {targetHeight: 100}
      """;

  public static final String VALIDATOR_WITH_KEYS =
      """
      spec:
        chainId: pacific-1
        image: sei-sim:v6.3.0
        validator:
          signingKey: {secret: {secretName: val-0-signing}}
          nodeKey: {secret: {secretName: val-0-node}}
      """;

  public static final String HARD_FORK_GROUP =
      """
      spec:
        replicas: 2
        template:
          spec:
            chainId: pacific-1
            image: sei-sim:v6.4.0
            fullNode:
              snapshot:
                s3: {targetHeight: 100}
        updateStrategy:
          type: HardFork
          hardFork: {haltHeight: 120}
      """;

  public static Stream<Case> cases() {
    return Stream.of(
        new Case(
            NODE,
            "exactly one of fullNode, archive or validator must be set",
            FULL_NODE,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              fullNode: {}
              archive: {}
            """,
            null),
        new Case(
            NODE,
            "exactly one of fullNode, archive or validator must be set",
            "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0', archive: {}}",
            "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0'}",
            null),
        new Case(
            NODE,
            "a snapshot source sets exactly one of s3 or stateSync",
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              fullNode: {snapshot: {stateSync: {}, trustPeriod: 168h}}
            """,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              fullNode: {snapshot: {stateSync: {}, s3: {targetHeight: 5}}}
            """,
            null),
        new Case(
            NODE,
            "a snapshot source sets exactly one of s3 or stateSync",
            FULL_NODE,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              validator: {snapshot: {trustPeriod: 168h}}
            """,
            null),
        new Case(
            NODE,
            "a peer source sets exactly one of static or label",
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              archive: {}
              peers: [{static: {addresses: ["abc@127.0.0.1:26656"]}}, {label: {selector: {app: x}}}]
            """,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              archive: {}
              peers: [{static: {addresses: ["abc@127.0.0.1:26656"]}, label: {selector: {app: x}}}]
            """,
            null),
        new Case(
            NODE,
            "signingKey and nodeKey must be set together",
            VALIDATOR_WITH_KEYS,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              validator:
                signingKey: {secret: {secretName: val-0-signing}}
            """,
            null),
        new Case(
            NODE,
            "signingKey and nodeKey must name distinct Secrets",
            VALIDATOR_WITH_KEYS,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              validator:
                signingKey: {secret: {secretName: val-0-keys}}
                nodeKey: {secret: {secretName: val-0-keys}}
            """,
            null),
        // Enabling a key on a running observer is allowed (seed 002); changing it is not.
        new Case(
            NODE,
            "validator.signingKey.secret.secretName is immutable once set",
            VALIDATOR_WITH_KEYS,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              validator:
                signingKey: {secret: {secretName: val-0-other}}
                nodeKey: {secret: {secretName: val-0-node}}
            """,
            VALIDATOR_WITH_KEYS),
        new Case(
            NODE,
            "validator.signingKey.secret.secretName is immutable once set",
            VALIDATOR_WITH_KEYS,
            "spec: {chainId: pacific-1, image: 'sei-sim:v6.3.0', validator: {}}",
            VALIDATOR_WITH_KEYS.replace("sei-sim:v6.3.0", "sei-sim:v6.2.0")),
        new Case(
            NODE,
            "validator.nodeKey.secret.secretName is immutable once set",
            VALIDATOR_WITH_KEYS.replace("v6.3.0", "v6.4.0"),
            VALIDATOR_WITH_KEYS.replace("val-0-node", "val-0-node2"),
            VALIDATOR_WITH_KEYS),
        new Case(
            NODE,
            "dataVolume.import.pvcName is immutable once set",
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.4.0
              archive: {}
              dataVolume: {import: {pvcName: old-data}}
            """,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              archive: {}
              dataVolume: {import: {pvcName: other-data}}
            """,
            """
            spec:
              chainId: pacific-1
              image: sei-sim:v6.3.0
              archive: {}
              dataVolume: {import: {pvcName: old-data}}
            """),
        new Case(
            GROUP,
            "hardFork must be set exactly when type is HardFork",
            HARD_FORK_GROUP,
            HARD_FORK_GROUP.replace("    hardFork: {haltHeight: 120}\n", ""),
            null),
        new Case(
            GROUP,
            "hardFork must be set exactly when type is HardFork",
            HARD_FORK_GROUP
                .replace("type: HardFork", "type: BlueGreen")
                .replace("    hardFork: {haltHeight: 120}\n", ""),
            HARD_FORK_GROUP.replace("type: HardFork", "type: InPlace"),
            null),
        new Case(
            NODE,
            "s3.upgradeName needs s3.targetHeight of at least 2: the bootstrap stops for the"
                + " upgrade at targetHeight, after restoring a snapshot below it",
            FULL_NODE.replace(
                "s3: {targetHeight: 100}", "s3: {targetHeight: 100, upgradeName: v6.4.0}"),
            FULL_NODE.replace("s3: {targetHeight: 100}", "s3: {upgradeName: v6.4.0}"),
            null),
        new Case(
            GROUP,
            "template.spec.dataVolume.import is not allowed: every node of the group would mount the"
                + " one imported PVC, and several seids would write one data directory",
            HARD_FORK_GROUP,
            HARD_FORK_GROUP.replace(
                "      chainId: pacific-1\n",
                "      chainId: pacific-1\n      dataVolume: {import: {pvcName: shared-data}}\n"),
            null),
        new Case(
            GROUP,
            "deletionPolicy is immutable: it decided who owns the nodes' data volumes when they"
                + " were created",
            HARD_FORK_GROUP.replace("replicas: 2", "replicas: 3") + "  deletionPolicy: Retain\n",
            HARD_FORK_GROUP + "  deletionPolicy: Delete\n",
            HARD_FORK_GROUP + "  deletionPolicy: Retain\n"),
        new Case(
            GROUP,
            "hardFork.haltHeight must be greater than 0",
            HARD_FORK_GROUP,
            HARD_FORK_GROUP.replace("haltHeight: 120", "haltHeight: 0"),
            null),
        new Case(
            GROUP,
            "a HardFork deployment needs an S3 snapshot source in its template"
                + " (fullNode.snapshot.s3 or validator.snapshot.s3)",
            HARD_FORK_GROUP,
            HARD_FORK_GROUP.replace("s3: {targetHeight: 100}", "stateSync: {}"),
            null),
        new Case(
            GROUP,
            "replicas must be 1 when the template sets validator.signingKey:"
                + " one key on two pods double-signs",
            """
            spec:
              replicas: 1
              template:
                spec:
                  chainId: pacific-1
                  image: sei-sim:v6.3.0
                  validator:
                    signingKey: {secret: {secretName: k}}
                    nodeKey: {secret: {secretName: n}}
            """,
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
            """,
            null));
  }
}
