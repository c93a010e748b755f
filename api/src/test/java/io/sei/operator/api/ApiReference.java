package io.sei.operator.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders docs/api.md from the generated CRDs and the condition constants. */
final class ApiReference {
  private ApiReference() {}

  /** Condition types with what they mean and their reasons, in the order the docs list them. */
  record ConditionDoc(String type, String meaning, List<String> reasons) {}

  static final List<ConditionDoc> CONDITIONS =
      List.of(
          new ConditionDoc(
              Conditions.NODE_UPDATE_IN_PROGRESS,
              "SeiNode: a node-update plan (image and/or signing-key drift) is running."
                  + " True while it runs; False when it ends.",
              List.of(
                  Conditions.REASON_UPDATE_STARTED,
                  Conditions.REASON_SIGNING_KEY_UPDATE_STARTED,
                  Conditions.REASON_UPDATE_AND_SIGNING_KEY_UPDATE_STARTED,
                  Conditions.REASON_UPDATE_COMPLETE,
                  Conditions.REASON_UPDATE_FAILED)),
          new ConditionDoc(
              Conditions.INITIALIZED,
              "SeiNode: how its init or bootstrap plan ended. False (InitFailed) names the failed"
                  + " task and the error, as the node turns Failed; the plan itself is cleared.",
              List.of(Conditions.REASON_INIT_COMPLETE, Conditions.REASON_INIT_FAILED)),
          new ConditionDoc(
              Conditions.SIDECAR_READY,
              "SeiNode: the sidecar has marked the node ready (seid may run). Unknown while a"
                  + " mark-ready re-apply runs; after a failed one, False/MarkReadyFailed until the"
                  + " next try, after a cooldown.",
              List.of(
                  Conditions.REASON_SIDECAR_READY,
                  Conditions.REASON_SIDECAR_NOT_READY,
                  Conditions.REASON_MARK_READY_REAPPLYING,
                  Conditions.REASON_MARK_READY_FAILED)),
          new ConditionDoc(
              Conditions.SIGNING_KEY_READY,
              "SeiNode: the signing-key Secret exists, holds a well-formed"
                  + " priv_validator_key.json, and no other SeiNode holds that key (by Secret or"
                  + " by address; SigningKeyHeld names the holder).",
              List.of(
                  Conditions.REASON_SIGNING_KEY_VALIDATED,
                  Conditions.REASON_SIGNING_KEY_NOT_READY,
                  Conditions.REASON_SIGNING_KEY_INVALID,
                  Conditions.REASON_SIGNING_KEY_HELD)),
          new ConditionDoc(
              Conditions.NODE_KEY_READY,
              "SeiNode: the node-key Secret exists and holds a well-formed node_key.json.",
              List.of(
                  Conditions.REASON_NODE_KEY_VALIDATED,
                  Conditions.REASON_NODE_KEY_NOT_READY,
                  Conditions.REASON_NODE_KEY_INVALID)),
          new ConditionDoc(
              Conditions.PEERS_RESOLVED,
              "SeiNode with label-selected peers: the node id of every selected peer was obtained"
                  + " from its sidecar, so seid gets them as persistent peers. False"
                  + " (PeerNodeIdUnavailable) names the peer config-apply waits for and why.",
              List.of(
                  Conditions.REASON_PEERS_RESOLVED, Conditions.REASON_PEER_NODE_ID_UNAVAILABLE)),
          new ConditionDoc(
              Conditions.IMPORT_PVC_READY,
              "SeiNode: the imported data PVC exists, is bound, and no other SeiNode or pod uses it.",
              List.of(
                  Conditions.REASON_IMPORT_PVC_BOUND,
                  Conditions.REASON_IMPORT_PVC_NOT_READY,
                  Conditions.REASON_IMPORT_PVC_IN_USE)),
          new ConditionDoc(
              Conditions.SPEC_VALID,
              "SeiNode and SeiNodeDeployment: False when the operator cannot act on an admitted"
                  + " spec; the message says why. The operator never rewrites the spec.",
              List.of(Conditions.REASON_SPEC_INVALID)),
          new ConditionDoc(
              Conditions.ROLLOUT_IN_PROGRESS,
              "SeiNodeDeployment: a rollout plan is running.",
              List.of(
                  Conditions.REASON_ROLLOUT_STARTED,
                  Conditions.REASON_ROLLOUT_SUPERSEDED,
                  Conditions.REASON_ROLLOUT_COMPLETE,
                  Conditions.REASON_ROLLOUT_FAILED)),
          new ConditionDoc(
              Conditions.NODES_READY,
              "SeiNodeDeployment: every node of the group is Running.",
              List.of()));

  static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# API reference: sei.io/v1alpha1\n\n")
        .append("<!-- Generated from the CRDs by ApiReferenceTest; do not edit by hand.\n")
        .append("     Regenerate: ./mvnw -pl api verify -Dsei.golden.update=true -->\n\n")
        .append("Install the CRDs with `kubectl apply --server-side -f deploy/crds/`.")
        .append(" Every admission rule below is enforced by the API server (CEL), so a bad")
        .append(" spec is refused with the rule's message before the operator sees it.\n");
    for (String file : GeneratedCrds.FILES) {
      renderCrd(md, GeneratedCrds.crd(file));
    }
    md.append("\n## Conditions\n\n| type | meaning | reasons |\n|---|---|---|\n");
    for (ConditionDoc c : CONDITIONS) {
      md.append("| `")
          .append(c.type())
          .append("` | ")
          .append(c.meaning())
          .append(" | ")
          .append(String.join(", ", c.reasons().stream().map(r -> "`" + r + "`").toList()))
          .append(" |\n");
    }
    return md.toString();
  }

  private static void renderCrd(StringBuilder md, CustomResourceDefinition crd) {
    CustomResourceDefinitionVersion v = crd.getSpec().getVersions().get(0);
    md.append("\n## ")
        .append(crd.getSpec().getNames().getKind())
        .append("\n\n")
        .append("`")
        .append(crd.getSpec().getGroup())
        .append("/")
        .append(v.getName())
        .append("`, plural `")
        .append(crd.getSpec().getNames().getPlural())
        .append("`, short name `")
        .append(String.join("`, `", crd.getSpec().getNames().getShortNames()))
        .append("`, namespaced, status subresource.\n\n")
        .append("`kubectl get` columns: ")
        .append(
            String.join(
                ", ",
                v.getAdditionalPrinterColumns().stream()
                    .map(c -> c.getName() + " (`" + c.getJsonPath() + "`)")
                    .toList()))
        .append(".\n\n| field | type | description | constraints |\n|---|---|---|---|\n");
    List<String[]> rules = new ArrayList<>();
    JSONSchemaProps root = v.getSchema().getOpenAPIV3Schema();
    for (String top : List.of("spec", "status")) {
      fields(md, rules, root.getProperties().get(top), top, root.getRequired());
    }
    md.append("\n**Admission rules**\n\n| on | rule | message |\n|---|---|---|\n");
    for (String[] r : rules) {
      md.append("| `")
          .append(r[0])
          .append("` | `")
          .append(r[1].replace("|", "\\|"))
          .append("` | ")
          .append(r[2])
          .append(" |\n");
    }
  }

  private static void fields(
      StringBuilder md, List<String[]> rules, JSONSchemaProps s, String path, List<String> req) {
    String name = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
    md.append("| `")
        .append(path)
        .append("` | ")
        .append(type(s))
        .append(" | ")
        .append(s.getDescription() == null ? "" : s.getDescription())
        .append(" | ")
        .append(constraints(s, req != null && req.contains(name)))
        .append(" |\n");
    if (s.getXKubernetesValidations() != null) {
      s.getXKubernetesValidations()
          .forEach(r -> rules.add(new String[] {path, r.getRule(), r.getMessage()}));
    }
    if (s.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> e : s.getProperties().entrySet()) {
        fields(md, rules, e.getValue(), path + "." + e.getKey(), s.getRequired());
      }
    }
    if (s.getItems() != null && s.getItems().getSchema().getProperties() != null) {
      JSONSchemaProps item = s.getItems().getSchema();
      if (item.getXKubernetesValidations() != null) {
        item.getXKubernetesValidations()
            .forEach(r -> rules.add(new String[] {path + "[]", r.getRule(), r.getMessage()}));
      }
      for (Map.Entry<String, JSONSchemaProps> e : item.getProperties().entrySet()) {
        fields(md, rules, e.getValue(), path + "[]." + e.getKey(), item.getRequired());
      }
    }
  }

  private static String type(JSONSchemaProps s) {
    if (s.getType() == null) {
      if (Boolean.TRUE.equals(s.getXKubernetesIntOrString())) {
        return "int or string";
      }
      return Boolean.TRUE.equals(s.getXKubernetesPreserveUnknownFields()) ? "any JSON" : "";
    }
    if ("array".equals(s.getType())) {
      return "list of " + type(s.getItems().getSchema());
    }
    if ("object".equals(s.getType())
        && s.getAdditionalProperties() != null
        && s.getAdditionalProperties().getSchema() != null) {
      return "map of " + type(s.getAdditionalProperties().getSchema());
    }
    return s.getType();
  }

  private static String constraints(JSONSchemaProps s, boolean required) {
    List<String> out = new ArrayList<>();
    if (required) {
      out.add("required");
    }
    if (s.getDefault() != null) {
      out.add("default " + s.getDefault().toString());
    }
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      out.add("one of " + String.join(", ", s.getEnum().stream().map(n -> n.asText()).toList()));
    }
    if (s.getMinimum() != null) {
      out.add("≥ " + s.getMinimum().longValue());
    }
    if (s.getMaximum() != null) {
      out.add("≤ " + s.getMaximum().longValue());
    }
    if (s.getMinLength() != null) {
      out.add("min length " + s.getMinLength());
    }
    if (s.getMaxLength() != null) {
      out.add("max length " + s.getMaxLength());
    }
    if (s.getMaxItems() != null) {
      out.add("max " + s.getMaxItems() + " items");
    }
    if (s.getMaxProperties() != null) {
      out.add("max " + s.getMaxProperties() + " entries");
    }
    if (s.getPattern() != null) {
      out.add("pattern `" + s.getPattern() + "`");
    }
    return String.join("; ", out);
  }

  /** The constants of {@link Conditions} that name a condition type or reason. */
  static List<String> conditionConstants() {
    List<String> out = new ArrayList<>();
    for (java.lang.reflect.Field f : Conditions.class.getFields()) {
      if (f.getName().equals("TRUE")
          || f.getName().equals("FALSE")
          || f.getName().equals("UNKNOWN")) {
        continue;
      }
      try {
        out.add((String) f.get(null));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
