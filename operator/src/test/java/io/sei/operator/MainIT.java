package io.sei.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar, run as the container runs it, with nothing but the given environment. */
class MainIT {

  record Exit(int code, String stdout, String stderr) {}

  /** The required platform settings plus {@code extra}. */
  private static Map<String, String> with(Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(Fixtures.REQUIRED_ENV);
    env.putAll(extra);
    return env;
  }

  private static Exit runJar(Map<String, String> env) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("sei.operator.jar", "target/sei-operator.jar"));
    assertThat(jar).as("the shaded jar is built at package").exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("sei-operator", ".out");
    Path err = Files.createTempFile("sei-operator", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-jar", jar.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the operator exits").isTrue();
    return new Exit(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void withoutTheProxyImageTheOperatorRefusesToStartInOneLine() throws Exception {
    Exit exit = runJar(Map.of());
    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.stdout()).isEmpty();
    assertThat(exit.stderr().lines())
        .singleElement()
        .asString()
        .startsWith("sei-operator: SEI_KUBE_RBAC_PROXY_IMAGE is required");
  }

  @Test
  void aMalformedValueIsNamedInOneLine() throws Exception {
    Exit exit = runJar(with(Map.of("SEI_SIDECAR_ENDPOINT", "dns")));
    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.stderr().lines())
        .singleElement()
        .asString()
        .startsWith("sei-operator: SEI_SIDECAR_ENDPOINT is invalid: 'dns'");
  }

  @Test
  void aValidConfigurationWithoutAReachableApiServerExitsWithOneNamingTheServer() throws Exception {
    Exit exit =
        runJar(
            with(
                Map.of(
                    "KUBERNETES_MASTER", "https://127.0.0.1:1",
                    "KUBECONFIG", "/nonexistent/kubeconfig")));
    assertThat(exit.code()).isEqualTo(1);
    assertThat(exit.stderr())
        .startsWith("sei-operator: cannot reach the Kubernetes API server at https://127.0.0.1:1");
  }
}
