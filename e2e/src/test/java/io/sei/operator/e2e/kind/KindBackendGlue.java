package io.sei.operator.e2e.kind;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.sei.operator.e2e.backend.Backends;
import io.sei.operator.e2e.backend.KindBackend;

/**
 * Glue of {@code KindFeaturesIT}: the kind backend, started once for the suite when a Docker engine
 * is reachable; otherwise every scenario is skipped with the reason.
 */
public final class KindBackendGlue {
  private KindBackendGlue() {}

  @BeforeAll
  public static void start() {
    Backends.start("kind", KindBackend.whyUnavailable(), KindBackend::start);
  }

  @AfterAll
  public static void stop() {
    Backends.stop();
  }
}
