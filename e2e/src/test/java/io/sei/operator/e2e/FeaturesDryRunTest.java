package io.sei.operator.e2e;

import static io.cucumber.junit.platform.engine.Constants.EXECUTION_DRY_RUN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Every step of every feature matches exactly one step definition: a dry run (no glue code runs, no
 * cluster) fails on undefined and ambiguous steps, so a typo in a feature cannot pass silently.
 */
class FeaturesDryRunTest {
  @Test
  void everyStepOfEveryFeatureHasExactlyOneDefinition() {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("features"))
            .filters(EngineFilter.includeEngines("cucumber"))
            .configurationParameter(JUNIT_PLATFORM_DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME, "true")
            .configurationParameter(EXECUTION_DRY_RUN_PROPERTY_NAME, "true")
            .configurationParameter(GLUE_PROPERTY_NAME, "io.sei.operator.e2e.steps")
            .configurationParameter(PLUGIN_PROPERTY_NAME, "summary")
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();

    assertThat(summary.getTestsFoundCount()).as("scenarios found").isPositive();
    assertThat(
            summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .collect(Collectors.toList()))
        .as("scenarios with undefined or ambiguous steps")
        .isEmpty();
    assertThat(summary.getTestsAbortedCount()).as("scenarios skipped by the dry run").isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsFoundCount());
  }
}
