package io.sei.operator.e2e.local;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.sei.operator.e2e.backend.Backends;
import io.sei.operator.e2e.backend.LocalBackend;
import java.util.Optional;

/** Glue of {@code LocalFeaturesIT}: the local backend, started once for the suite. */
public final class LocalBackendGlue {
  private LocalBackendGlue() {}

  @BeforeAll
  public static void start() {
    Backends.start("local", Optional.empty(), LocalBackend::start);
  }

  @AfterAll
  public static void stop() {
    Backends.stop();
  }
}
