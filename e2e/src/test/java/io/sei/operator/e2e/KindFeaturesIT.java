package io.sei.operator.e2e;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** The same features on kind (Docker): skipped, each with the reason, where there is no Docker. */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(
    key = GLUE_PROPERTY_NAME,
    value = "io.sei.operator.e2e.steps,io.sei.operator.e2e.kind")
@ConfigurationParameter(
    key = PLUGIN_PROPERTY_NAME,
    value =
        "html:target/cucumber-reports/kind.html,json:target/cucumber-reports/kind.json,"
            + "junit:target/cucumber-reports/kind.xml")
public class KindFeaturesIT {}
