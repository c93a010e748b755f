package io.sei.operator.e2e.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.sei.operator.e2e.backend.ClusterBackend;

/**
 * Isolation and evidence: each scenario gets its own namespace; a failed one gets the state of its
 * namespace and the operator's log attached to the report before anything is deleted; cleanup runs
 * in reverse order and waits for deletion, unless {@value #KEEP_ON_FAILURE} keeps a failed
 * scenario's namespace for inspection.
 */
public final class ScenarioHooks {
  /** System property (env {@code SEI_E2E_KEEP_ON_FAILURE}): keep a failed scenario's objects. */
  static final String KEEP_ON_FAILURE = "sei.e2e.keep-on-failure";

  private final ScenarioSpace space;
  private ClusterBackend.LogCursor operatorLog;

  public ScenarioHooks(ScenarioSpace space) {
    this.space = space;
  }

  @Before(order = 0)
  public void isolate(Scenario scenario) {
    space.begin(scenario);
    operatorLog = space.backend().operatorLog();
    scenario.log("backend " + space.backend().name() + ", namespace " + space.namespace());
  }

  @After(order = 0)
  public void collectEvidenceThenCleanUp(Scenario scenario) {
    if (!space.started()) {
      return;
    }
    try {
      if (scenario.isFailed()) {
        new Diagnostics(space).attachTo(scenario, operatorLog);
        if (keepOnFailure()) {
          scenario.log(
              "kept namespace "
                  + space.namespace()
                  + " ("
                  + KEEP_ON_FAILURE
                  + "=true): delete it by hand");
          return;
        }
      }
      space.cleanUp();
    } finally {
      space.closeOwnChain();
    }
  }

  static boolean keepOnFailure() {
    String value = System.getProperty(KEEP_ON_FAILURE);
    if (value == null || value.isBlank()) {
      value = System.getenv("SEI_E2E_KEEP_ON_FAILURE");
    }
    return Boolean.parseBoolean(value);
  }
}
