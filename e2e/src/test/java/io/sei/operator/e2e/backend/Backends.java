package io.sei.operator.e2e.backend;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * The backend of the running suite. Each suite (one per backend) starts its backend once, before
 * its first scenario; a backend that cannot run here leaves a reason instead, and every scenario of
 * the suite is then reported skipped with that reason — never passed.
 */
public final class Backends {
  /** System property choosing the backend(s); env {@value #ENV} is read when it is unset. */
  public static final String PROPERTY = "sei.e2e.backend";

  public static final String ENV = "SEI_E2E_BACKEND";

  private sealed interface State {}

  private record Running(ClusterBackend backend) implements State {}

  private record Unavailable(String reason) implements State {}

  private static State state = new Unavailable("no backend started: run the features by a suite");

  private Backends() {}

  /**
   * Starts backend {@code name} for this suite, unless the run is limited to another backend or
   * {@code whyNot} names a reason it cannot run here.
   */
  public static synchronized void start(
      String name, Optional<String> whyNot, Supplier<ClusterBackend> factory) {
    Optional<String> chosen = chosen();
    if (chosen.isPresent() && !chosen.get().equals(name)) {
      state =
          new Unavailable(
              "backend "
                  + name
                  + " not selected: the run is limited to "
                  + chosen.get()
                  + " (-D"
                  + PROPERTY
                  + " / "
                  + ENV
                  + ")");
    } else if (whyNot.isPresent()) {
      state = new Unavailable(whyNot.get());
    } else {
      state = new Running(factory.get());
    }
  }

  /**
   * The running backend; aborts the calling scenario (skipped, with the reason) when there is none.
   */
  public static synchronized ClusterBackend require() {
    if (state instanceof Running running) {
      return running.backend();
    }
    throw new TestAbortedException(((Unavailable) state).reason());
  }

  /** Stops the suite's backend, if it runs. */
  public static synchronized void stop() {
    if (state instanceof Running running) {
      running.backend().close();
    }
    state = new Unavailable("the suite's backend is stopped");
  }

  /** The backend the run is limited to; empty: every suite runs its own. */
  static Optional<String> chosen() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENV);
    }
    return Optional.ofNullable(value)
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .map(v -> v.toLowerCase(Locale.ROOT));
  }
}
