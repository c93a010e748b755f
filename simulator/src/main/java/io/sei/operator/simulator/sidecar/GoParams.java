package io.sei.operator.simulator.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a task's params the way the real sidecar's typed handlers do (Go's {@code json.Unmarshal}
 * into a struct): field names match case-insensitively, unknown fields and {@code null} values are
 * ignored, and a value of the wrong JSON type fails with {@code parsing params: json: cannot
 * unmarshal …}.
 */
final class GoParams {

  private final JsonNode params;
  private final String struct;

  GoParams(JsonNode params, String struct) {
    this.params =
        params == null || !params.isObject()
            ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
            : params;
    this.struct = struct;
  }

  /** The field's value, or null when absent or JSON null. */
  private JsonNode field(String name) {
    JsonNode exact = params.get(name);
    if (exact != null) {
      return exact.isNull() ? null : exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().isNull() ? null : e.getValue();
      }
    }
    return null;
  }

  private TaskFailure mismatch(JsonNode value, String name, String goType) {
    String kind =
        switch (value.getNodeType()) {
          case STRING -> "string";
          case NUMBER -> "number " + value.asText();
          case BOOLEAN -> "bool";
          case ARRAY -> "array";
          case OBJECT -> "object";
          default -> value.getNodeType().toString().toLowerCase();
        };
    return new TaskFailure(
        "parsing params: json: cannot unmarshal "
            + kind
            + " into Go struct field "
            + struct
            + "."
            + name
            + " of type "
            + goType);
  }

  long int64(String name) throws TaskFailure {
    return integral(name, "int64", Long.MIN_VALUE, Long.MAX_VALUE);
  }

  int int32(String name) throws TaskFailure {
    return (int) integral(name, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  private long integral(String name, String goType, long min, long max) throws TaskFailure {
    JsonNode value = field(name);
    if (value == null) {
      return 0;
    }
    if (!value.isNumber()) {
      throw mismatch(value, name, goType);
    }
    BigDecimal number = value.decimalValue();
    if (number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw mismatch(value, name, goType);
    }
    return number.longValue();
  }

  String string(String name) throws TaskFailure {
    return string(name, "string");
  }

  String string(String name, String goType) throws TaskFailure {
    JsonNode value = field(name);
    if (value == null) {
      return "";
    }
    if (!value.isTextual()) {
      throw mismatch(value, name, goType);
    }
    return value.asText();
  }

  boolean bool(String name) throws TaskFailure {
    JsonNode value = field(name);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw mismatch(value, name, "bool");
    }
    return value.asBoolean();
  }

  List<String> strings(String name) throws TaskFailure {
    JsonNode value = field(name);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw mismatch(value, name, "[]string");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (item.isNull()) {
        out.add("");
      } else if (!item.isTextual()) {
        throw mismatch(item, name, "string");
      } else {
        out.add(item.asText());
      }
    }
    return out;
  }

  Map<String, String> stringMap(String name) throws TaskFailure {
    JsonNode value = field(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (!value.isObject()) {
      throw mismatch(value, name, "map[string]string");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        out.put(e.getKey(), "");
      } else if (!e.getValue().isTextual()) {
        throw mismatch(e.getValue(), name, "string");
      } else {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }
}
