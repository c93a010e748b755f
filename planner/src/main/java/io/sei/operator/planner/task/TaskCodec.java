package io.sei.operator.planner.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sei.operator.api.PlannedTask;
import java.util.List;

/**
 * Converts params records to and from the JSON stored in {@code PlannedTask.params}.
 *
 * <p>Encoding writes camelCase names and omits nulls. Decoding ignores unknown fields (a newer
 * operator may add documented fields) but rejects a wrong JSON type, a missing required field and a
 * missing number with {@link InvalidTaskException} ({@code MALFORMED_PARAMS}); an unknown type
 * gives {@code UNKNOWN_TYPE}.
 */
public final class TaskCodec {
  private TaskCodec() {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  /** The params as the JSON object stored in the plan. */
  public static JsonNode encode(TaskParams params) {
    return MAPPER.valueToTree(params);
  }

  /**
   * The params as a sidecar task takes them ({@code params} of {@code POST /v0/tasks}): the stored
   * params, except that {@code config-apply} sends its sei-config intent with {@code resolvedPeers}
   * (see {@link ConfigApplyParams#intent(List)}).
   */
  public static JsonNode sidecarParams(TaskParams params, List<String> resolvedPeers) {
    if (params instanceof ConfigApplyParams configApply) {
      return MAPPER.valueToTree(configApply.intent(resolvedPeers));
    }
    return encode(params);
  }

  /** Decodes a task's params into the record of its type. */
  public static TaskParams decode(PlannedTask task) throws InvalidTaskException {
    return decode(task.getType(), task.getParams());
  }

  /** Decodes {@code params} of wire type {@code type}; null params decode as {@code {}}. */
  public static TaskParams decode(String type, JsonNode params) throws InvalidTaskException {
    TaskType taskType =
        TaskType.fromWireName(type)
            .orElseThrow(
                () ->
                    new InvalidTaskException(
                        InvalidTaskException.Kind.UNKNOWN_TYPE,
                        type,
                        "unknown task type '" + type + "'",
                        null));
    JsonNode json = params == null ? JsonNodeFactory.instance.objectNode() : params;
    try {
      return MAPPER.treeToValue(json, taskType.paramsClass());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidTaskException(
          InvalidTaskException.Kind.MALFORMED_PARAMS,
          type,
          "malformed params for task " + type + ": " + rootMessage(e),
          e);
    }
  }

  /** Decodes a task's params, which must be of {@code expected}'s type. */
  public static <P extends TaskParams> P decode(PlannedTask task, Class<P> expected)
      throws InvalidTaskException {
    TaskParams params = decode(task);
    if (!expected.isInstance(params)) {
      throw new InvalidTaskException(
          InvalidTaskException.Kind.MALFORMED_PARAMS,
          task.getType(),
          "task " + task.getType() + " does not carry " + expected.getSimpleName(),
          null);
    }
    return expected.cast(params);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }
}
