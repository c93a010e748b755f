package io.sei.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each admission rule of SPEC §4, read from the generated CRD: one object it accepts, one it
 * rejects with its message. Transition rules (immutability) are checked on an update from an old
 * object.
 */
class CelRulesTest {

  /** A rule case: the message of the rule, then accepted / rejected objects (old = update from). */
  record Case(String kind, String message, String accepted, String rejected, String old) {
    @Override
    public String toString() {
      return kind + ": " + message;
    }
  }

  static final String NODE = "SeiNode";
  static final String GROUP = "SeiNodeDeployment";

  static final String FULL_NODE =
      """
      spec:
        chainId: pacific-1
        image: sei-sim:v6.3.0
        fullNode:
          snapshot:
            s3: {targetHeight: 100}
      """;

  static final String VALIDATOR_WITH_KEYS =
      """
      spec:
        chainId: pacific-1
        image: sei-sim:v6.3.0
        validator:
          signingKey: {secret: {secretName: val-0-signing}}
          nodeKey: {secret: {secretName: val-0-node}}
      """;

  static final String HARD_FORK_GROUP =
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

  static Stream<Case> cases() {
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ruleAcceptsItsExampleAndRejectsItsCounterexampleWithItsMessage(Case c) {
    CelAdmission admission = CelAdmission.forKind(c.kind());
    Map<String, Object> old = c.old() == null ? null : parse(c.old());

    assertThat(admission.validate(parse(c.accepted()), old)).as("accepted example").isEmpty();
    assertThat(admission.validate(parse(c.rejected()), old))
        .as("counterexample")
        .extracting(CelAdmission.Violation::message)
        .contains(c.message());
  }

  @Test
  void everyRuleOfTheCommittedCrdsHasACase() {
    // SeiNode rules sit again under SeiNodeDeployment's template: a case for the message covers
    // both.
    List<String> covered = cases().map(Case::message).toList();
    Stream.of(NODE, GROUP)
        .forEach(
            kind ->
                CelAdmission.forKind(kind)
                    .rules()
                    .forEach(
                        r ->
                            assertThat(covered)
                                .as("rule at %s: %s", r.path(), r.expression())
                                .contains(r.message())));
  }

  @Test
  void theDataVolumeImportRuleReadsTheEscapedKeyword() {
    assertThat(CelAdmission.escape("import")).isEqualTo("__import__");
    assertThat(CelAdmission.escape("pvcName")).isEqualTo("pvcName");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml) {
    return Serialization.unmarshal(yaml, Map.class);
  }
}
