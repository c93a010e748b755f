package io.sei.operator.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The CRDs the crd-generator wrote into target/classes at process-classes. */
final class GeneratedCrds {
  private GeneratedCrds() {}

  static final List<String> FILES =
      List.of("seinodes.sei.io-v1.yml", "seinodedeployments.sei.io-v1.yml");

  static String text(String file) {
    try (InputStream in = GeneratedCrds.class.getResourceAsStream("/META-INF/fabric8/" + file)) {
      if (in == null) {
        throw new IllegalStateException(
            file + " was not generated; run ./mvnw -pl api process-classes");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CustomResourceDefinition crd(String file) {
    return Serialization.unmarshal(text(file), CustomResourceDefinition.class);
  }

  static CustomResourceDefinition forKind(String kind) {
    return FILES.stream()
        .map(GeneratedCrds::crd)
        .filter(c -> c.getSpec().getNames().getKind().equals(kind))
        .findFirst()
        .orElseThrow();
  }
}
