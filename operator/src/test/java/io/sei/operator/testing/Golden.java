package io.sei.operator.testing;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Golden YAML of rendered objects, under operator/src/test/resources/golden/. */
public final class Golden {
  private Golden() {}

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  public static String yaml(Object object) {
    return SERIALIZATION.asYaml(object);
  }

  /** Asserts {@code object} renders as the golden file {@code name}.yaml (or rewrites it). */
  public static void assertMatches(String name, Object object) {
    RepoFiles.assertCommittedCopy(
        "operator/src/test/resources/golden/" + name + ".yaml", yaml(object));
  }

  public static <T> T parse(String yaml, Class<T> type) {
    return SERIALIZATION.unmarshal(yaml, type);
  }
}
