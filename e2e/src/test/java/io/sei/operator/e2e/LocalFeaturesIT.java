package io.sei.operator.e2e;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The features on the local backend: local control plane, simulated kubelet, operator in-process.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(
    key = GLUE_PROPERTY_NAME,
    value = "io.sei.operator.e2e.steps,io.sei.operator.e2e.local")
@ConfigurationParameter(
    key = PLUGIN_PROPERTY_NAME,
    value =
        "html:target/cucumber-reports/local.html,json:target/cucumber-reports/local.json,"
            + "junit:target/cucumber-reports/local.xml")
public class LocalFeaturesIT {}
