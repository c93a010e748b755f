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

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sei.operator.api.CelRuleCases#cases")
  void ruleAcceptsItsExampleAndRejectsItsCounterexampleWithItsMessage(CelRuleCases.Case c) {
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
    List<String> covered = CelRuleCases.cases().map(CelRuleCases.Case::message).toList();
    Stream.of(CelRuleCases.NODE, CelRuleCases.GROUP)
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
