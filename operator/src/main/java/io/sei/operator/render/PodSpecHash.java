package io.sei.operator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A hash of the pod spec the operator rendered, carried as a pod-template annotation. The
 * StatefulSet updates pods only on delete, so {@code replace-pod} compares the live pod's
 * annotation with the desired template's and deletes the pod only when it is stale. Server-side
 * defaults never enter the hash: it is computed from the rendered spec, not read back.
 */
public final class PodSpecHash {
  private PodSpecHash() {}

  public static final String ANNOTATION = "sei.io/pod-spec-hash";

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** 16 hex digits of the SHA-256 of the spec's canonical JSON. */
  public static String of(PodSpec spec) {
    try {
      byte[] json = CANONICAL.writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a pod spec", e);
    }
  }

  /**
   * True when {@code live} was not created from {@code desired}'s pod template (a pod without the
   * annotation is stale too).
   */
  public static boolean isStale(Pod live, StatefulSet desired) {
    String want = desired.getSpec().getTemplate().getMetadata().getAnnotations().get(ANNOTATION);
    String have =
        Optional.ofNullable(live.getMetadata().getAnnotations())
            .map(a -> a.get(ANNOTATION))
            .orElse(null);
    return !want.equals(have);
  }

  static Map<String, String> annotation(PodSpec spec) {
    return Map.of(ANNOTATION, of(spec));
  }
}
