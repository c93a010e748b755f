package io.sei.operator.api;

import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the {@code x-kubernetes-validations} of a generated CRD the way the API server does: a
 * rule runs where its value is present; a transition rule (one that reads {@code oldSelf}) runs
 * only on update, where the old value is present too; object properties named like CEL keywords are
 * escaped ({@code import} becomes {@code __import__}). Proves that the committed rule text compiles
 * and means what its message says; the control-plane tests prove it on a real server.
 */
final class CelAdmission {
  record Rule(String path, String expression, String message) {}

  record Violation(String path, String message) {}

  private static final Set<String> CEL_RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final JSONSchemaProps schema;
  private final Map<String, CelRuntime.Program> programs = new HashMap<>();

  private CelAdmission(JSONSchemaProps schema) {
    this.schema = schema;
  }

  static CelAdmission forKind(String kind) {
    return new CelAdmission(
        GeneratedCrds.forKind(kind)
            .getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema());
  }

  /** Every rule of the CRD with the schema path it sits on. */
  List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    collect(schema, "", out);
    return out;
  }

  private static void collect(JSONSchemaProps s, String path, List<Rule> out) {
    if (s == null) {
      return;
    }
    if (s.getXKubernetesValidations() != null) {
      for (ValidationRule r : s.getXKubernetesValidations()) {
        out.add(new Rule(path, r.getRule(), r.getMessage()));
      }
    }
    if (s.getProperties() != null) {
      s.getProperties().forEach((k, v) -> collect(v, path + "." + k, out));
    }
    if (s.getItems() != null) {
      collect(s.getItems().getSchema(), path + "[]", out);
    }
    if (s.getAdditionalProperties() != null) {
      collect(s.getAdditionalProperties().getSchema(), path + "{}", out);
    }
  }

  /** Validates a create ({@code oldObject == null}) or an update. */
  List<Violation> validate(Map<String, Object> object, Map<String, Object> oldObject) {
    List<Violation> out = new ArrayList<>();
    walk(schema, object, oldObject, "", out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private void walk(
      JSONSchemaProps s, Object value, Object oldValue, String path, List<Violation> out) {
    if (s == null || value == null) {
      return;
    }
    if (s.getXKubernetesValidations() != null) {
      for (ValidationRule r : s.getXKubernetesValidations()) {
        boolean transition = r.getRule().contains("oldSelf");
        if (transition && oldValue == null) {
          continue;
        }
        if (!evaluate(r.getRule(), value, oldValue)) {
          out.add(new Violation(path, r.getMessage()));
        }
      }
    }
    if (s.getProperties() != null && value instanceof Map<?, ?> map) {
      Map<String, Object> old =
          oldValue instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      s.getProperties().forEach((k, v) -> walk(v, map.get(k), old.get(k), path + "." + k, out));
    }
    if (s.getItems() != null && value instanceof List<?> list) {
      // Atomic lists do not correlate old and new items: no transition rules inside them.
      for (int i = 0; i < list.size(); i++) {
        walk(s.getItems().getSchema(), list.get(i), null, path + "[" + i + "]", out);
      }
    }
    if (s.getAdditionalProperties() != null
        && s.getAdditionalProperties().getSchema() != null
        && value instanceof Map<?, ?> map) {
      Map<String, Object> old =
          oldValue instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      map.forEach(
          (k, v) ->
              walk(s.getAdditionalProperties().getSchema(), v, old.get(k), path + "." + k, out));
    }
  }

  private boolean evaluate(String rule, Object self, Object oldSelf) {
    CelRuntime.Program program =
        programs.computeIfAbsent(
            rule,
            r -> {
              try {
                return RUNTIME.createProgram(COMPILER.compile(r).getAst());
              } catch (Exception e) {
                throw new AssertionError("rule does not compile: " + r + ": " + e.getMessage(), e);
              }
            });
    Map<String, Object> vars = new HashMap<>();
    vars.put("self", toCel(self));
    if (oldSelf != null) {
      vars.put("oldSelf", toCel(oldSelf));
    }
    try {
      return Boolean.TRUE.equals(program.eval(vars));
    } catch (Exception e) {
      throw new AssertionError("rule failed to evaluate: " + rule + ": " + e.getMessage(), e);
    }
  }

  private static Object toCel(Object v) {
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put(escape((String) k), toCel(val)));
      return out;
    }
    if (v instanceof List<?> list) {
      return list.stream().map(CelAdmission::toCel).toList();
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    return v;
  }

  /** Kubernetes' escaping of property names in CEL (keywords, {@code __ . - /}). */
  static String escape(String name) {
    if (CEL_RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    return name.replace("__", "__underscores__")
        .replace(".", "__dot__")
        .replace("-", "__dash__")
        .replace("/", "__slash__");
  }
}
