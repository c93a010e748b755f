package io.sei.operator.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sei.operator.testing.RepoFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The committed deployment files, parsed. */
final class DeployFiles {
  private DeployFiles() {}

  static final String CHART = "deploy/helm/sei-operator/";
  static final String MANIFESTS = "deploy/manifests/sei-operator.yaml";

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  /** The objects of the plain manifests. */
  static List<HasMetadata> manifests() {
    return Arrays.stream(RepoFiles.read(MANIFESTS).split("(?m)^---$"))
        .map(doc -> YAML.<HasMetadata>unmarshal(doc))
        .toList();
  }

  static <T extends HasMetadata> T manifest(Class<T> type) {
    return manifest(type, null);
  }

  /** The one object of {@code type} named {@code name} (any name when null). */
  static <T extends HasMetadata> T manifest(Class<T> type, String name) {
    return manifests().stream()
        .filter(type::isInstance)
        .filter(o -> name == null || name.equals(o.getMetadata().getName()))
        .map(type::cast)
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one " + type.getSimpleName());
            })
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + MANIFESTS));
  }

  /** A rules file of the chart ({@code files/...}), the one source of an RBAC role's rules. */
  static List<PolicyRule> chartRules(String file) {
    return YAML.unmarshal(
        new ByteArrayInputStream(RepoFiles.read(CHART + file).getBytes(StandardCharsets.UTF_8)),
        new TypeReference<List<PolicyRule>>() {});
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> values() {
    return YAML.unmarshal(RepoFiles.read(CHART + "values.yaml"), Map.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> chartConfig() {
    return (Map<String, String>) values().get("config");
  }
}
