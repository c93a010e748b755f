package io.sei.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.api.SeiNode;
import io.sei.operator.planner.plan.SidecarTarget;
import io.sei.operator.testing.Fixtures;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NamesTest {

  static Stream<Arguments> childNames() {
    return Stream.of(
        Arguments.of("data PVC", (Function<SeiNode, String>) Names::dataPvc, "rpc-0-data"),
        Arguments.of("pod claim", (Function<SeiNode, String>) Names::dataClaim, "rpc-0-data"),
        Arguments.of(
            "proxy config",
            (Function<SeiNode, String>) Names::rbacProxyConfig,
            "rpc-0-rbac-proxy-config"),
        Arguments.of("StatefulSet", (Function<SeiNode, String>) Names::statefulSet, "rpc-0"),
        Arguments.of("its pod", (Function<SeiNode, String>) Names::productionPod, "rpc-0-0"),
        Arguments.of(
            "bootstrap Job", (Function<SeiNode, String>) Names::bootstrapJob, "rpc-0-bootstrap"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("childNames")
  void childrenAreNamedAfterTheNode(String what, Function<SeiNode, String> name, String expected) {
    assertThat(name.apply(Fixtures.fullNode())).isEqualTo(expected);
  }

  @Test
  void podsClaimTheImportedPvcWhenThereIsOne() {
    assertThat(Names.importedPvc(Fixtures.importedVolume())).contains("rpc-0-legacy");
    assertThat(Names.dataClaim(Fixtures.importedVolume())).isEqualTo("rpc-0-legacy");
    assertThat(Names.importedPvc(Fixtures.fullNode())).isEmpty();
  }

  @Test
  void theSidecarPortIsTheSpecsOrTheCrdDefault() {
    assertThat(Names.sidecarPort(Fixtures.validator())).isEqualTo(7700);
    assertThat(Names.sidecarPort(Fixtures.fullNode())).isEqualTo(7777);
  }

  @ParameterizedTest
  @CsvSource({"PRODUCTION, PRODUCTION", "BOOTSTRAP, BOOTSTRAP"})
  void aPlannedSidecarTargetNamesThePodRole(SidecarTarget target, PodRole role) {
    assertThat(PodRole.of(target)).isEqualTo(role);
  }
}
