package io.sei.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Sei node: one seid with its sidecar, carried through its life events by a plan. */
@Group(SeiNode.GROUP)
@Version(SeiNode.VERSION)
@Kind("SeiNode")
@Singular("seinode")
@Plural("seinodes")
@ShortNames("snode")
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Image",
    jsonPath = ".spec.image",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Plan",
    jsonPath = ".status.planProgress",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class SeiNode extends CustomResource<SeiNodeSpec, SeiNodeStatus> implements Namespaced {
  public static final String GROUP = "sei.io";
  public static final String VERSION = "v1alpha1";
}
