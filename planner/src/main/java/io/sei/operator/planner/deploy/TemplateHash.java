package io.sei.operator.planner.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sei.operator.api.SeiNodeSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The template hash (SPEC §5.3): SHA-256 over the canonical JSON of the rollout-worthy fields of a
 * template spec — {@code image}, {@code chainId} and the mode object ({@code fullNode}, {@code
 * archive} or {@code validator}, snapshot and keys included). Replicas, overrides, peers, pod
 * labels and the sidecar are left out: changing them never starts a rollout. Object keys are sorted
 * at every level, so map ordering never changes the hash. The hash (10 hex digits) is the revision
 * label value of the nodes built from the template.
 */
public final class TemplateHash {
  private TemplateHash() {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  /** The revision of {@code spec}. */
  public static String of(SeiNodeSpec spec) {
    ObjectNode fields = MAPPER.createObjectNode();
    fields.put("chainId", spec.getChainId());
    fields.put("image", spec.getImage());
    fields.set("fullNode", MAPPER.valueToTree(spec.getFullNode()));
    fields.set("archive", MAPPER.valueToTree(spec.getArchive()));
    fields.set("validator", MAPPER.valueToTree(spec.getValidator()));
    byte[] digest = sha256(canonical(fields).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 5);
  }

  /** {@code node} as JSON with object keys sorted at every level and nulls dropped. */
  static String canonical(JsonNode node) {
    return sorted(node).toString();
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode result = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        if (!node.get(name).isNull()) {
          result.set(name, sorted(node.get(name)));
        }
      }
      return result;
    }
    if (node.isArray()) {
      var result = MAPPER.createArrayNode();
      node.forEach(element -> result.add(sorted(element)));
      return result;
    }
    return node;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
