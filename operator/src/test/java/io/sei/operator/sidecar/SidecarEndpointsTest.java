package io.sei.operator.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sei.operator.api.Labels;
import io.sei.operator.config.SidecarEndpointMode;
import io.sei.operator.render.PodRole;
import io.sei.operator.testing.Fixtures;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SidecarEndpointsTest {

  @ParameterizedTest
  @CsvSource({
    "PRODUCTION, http://rpc-0.sei-mainnet.svc:8443/v0/tasks",
    "BOOTSTRAP, http://rpc-0-bootstrap.sei-mainnet.svc:8443/v0/tasks"
  })
  void serviceDnsNamesTheServiceOfThePodsRoleOnTheProxyPort(PodRole role, String uri) {
    assertThat(new ServiceDns().resolve(Fixtures.fullNode(), role).uri("/v0/tasks"))
        .isEqualTo(URI.create(uri));
  }

  @ParameterizedTest
  @CsvSource({"PRODUCTION, 10.0.0.7", "BOOTSTRAP, 10.0.0.8"})
  void podIpLooksUpThePodOfTheRoleAndUsesTheProxyPort(PodRole role, String ip) {
    Map<String, String> asked = new HashMap<>();
    PodIp podIp =
        new PodIp(
            (namespace, selector) -> {
              asked.put("namespace", namespace);
              asked.putAll(selector);
              return Optional.of(ip);
            });
    assertThat(podIp.resolve(Fixtures.fullNode(), role)).isEqualTo(new SidecarEndpoint(ip, 8443));
    assertThat(asked)
        .containsEntry("namespace", "sei-mainnet")
        .containsEntry(Labels.NODE, "rpc-0")
        .containsEntry(Labels.ROLE, role.label());
  }

  @Test
  void aPodWithoutAnIpYetIsTransient() {
    assertThatThrownBy(
            () ->
                new PodIp((ns, selector) -> Optional.empty())
                    .resolve(Fixtures.fullNode(), PodRole.BOOTSTRAP))
        .isInstanceOf(SidecarUnavailableException.class)
        .hasMessage("the bootstrap pod of SeiNode sei-mainnet/rpc-0 has no IP yet");
  }

  @Test
  void anIpv6PodIpIsBracketedInTheUri() {
    assertThat(SidecarEndpoint.proxy("fd00::7").uri("/v0/healthz"))
        .isEqualTo(URI.create("http://[fd00::7]:8443/v0/healthz"));
  }

  @Test
  void theModeChoosesTheResolution() {
    PodIp.Lookup lookup = (ns, selector) -> Optional.of("10.0.0.9");
    assertThat(SidecarEndpoints.forMode(SidecarEndpointMode.SERVICE_DNS, lookup))
        .isInstanceOf(ServiceDns.class);
    assertThat(
            SidecarEndpoints.forMode(SidecarEndpointMode.POD_IP, lookup)
                .resolve(Fixtures.fullNode(), PodRole.PRODUCTION)
                .host())
        .isEqualTo("10.0.0.9");
  }
}
