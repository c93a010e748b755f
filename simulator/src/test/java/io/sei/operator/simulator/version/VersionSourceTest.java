package io.sei.operator.simulator.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSourceTest {

  @ParameterizedTest(name = "{0} >= {1} is {2}")
  @CsvSource({
    "v6.4.0, v6.3.0, true",
    "v6.3.0, v6.4.0, false",
    "v6.10.0, v6.9.9, true",
    "6.4.0, v6.4.0, true",
    "v6.4.0-rc1, v6.4.0, false",
    "v6.4.1, v6.4.0-rc1, true",
    "v7, v6.99.99, true"
  })
  void comparesSemantically(String a, String b, boolean atLeast) {
    assertThat(SemVer.parse(a).atLeast(SemVer.parse(b))).isEqualTo(atLeast);
  }

  @Test
  void flagWinsOverEnvWhichWinsOverImage() {
    Map<String, String> env =
        Map.of("SEI_SIM_VERSION", "v2.0.0", "SEI_SIM_IMAGE", "reg.example:5000/sei-sim:v3.0.0");
    assertThat(VersionSource.resolve("v1.0.0", env).text()).isEqualTo("v1.0.0");
    assertThat(VersionSource.resolve(null, env).text()).isEqualTo("v2.0.0");
    assertThat(
            VersionSource.resolve(null, Map.of("SEI_SIM_IMAGE", "reg.example:5000/sei-sim:v3.0.0"))
                .text())
        .isEqualTo("v3.0.0");
  }

  @Test
  void digestOrUntaggedImagesSayWhyTheyCarryNoVersion() {
    assertThatThrownBy(() -> VersionSource.tagOf("reg.example/sei-sim@sha256:abcd"))
        .hasMessageContaining("pinned by digest");
    assertThatThrownBy(() -> VersionSource.tagOf("reg.example:5000/sei-sim"))
        .hasMessageContaining("has no tag");
    assertThatThrownBy(() -> VersionSource.resolve(null, Map.of()))
        .hasMessageContaining("no version");
  }
}
