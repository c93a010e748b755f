package io.sei.operator.bench;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every HTTP request a fabric8 client sends to the API server (retries included: each is a
 * request the server serves), keyed {@code "<verb> <resource>"} with Kubernetes verbs: {@code get}
 * and {@code list} (a GET of one object or a collection), {@code watch}, {@code create}, {@code
 * update}, {@code patch}, {@code apply} (server-side apply), {@code delete}; the resource carries
 * its subresource ({@code seinodes/status}).
 */
public final class RequestCounter implements Interceptor {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    counts.computeIfAbsent(key(request), k -> new LongAdder()).increment();
  }

  /** The counts so far, sorted by key. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  static String key(HttpRequest request) {
    String[] path = resourcePath(request.uri().getPath());
    boolean named = path.length > 1;
    String resource = path.length == 0 ? "-" : path[0] + (path.length > 2 ? "/" + path[2] : "");
    String query = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
    String verb =
        switch (request.method()) {
          case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> isApply(request) ? "apply" : "patch";
          case "DELETE" -> "delete";
          default -> request.method().toLowerCase();
        };
    return verb + " " + resource;
  }

  /** Whether a verb (as {@link #key} names it) changes something on the server. */
  public static boolean isWrite(String key) {
    String verb = key.substring(0, key.indexOf(' '));
    return switch (verb) {
      case "create", "update", "patch", "apply", "delete" -> true;
      default -> false;
    };
  }

  /** Server-side apply: fabric8 sends the field manager (and force) only then. */
  private static boolean isApply(HttpRequest request) {
    String query = request.uri().getRawQuery();
    return query != null && query.contains("fieldManager=");
  }

  /**
   * {@code [resource, name, subresource]} (as many as the path has) of {@code /api/v1/...} or
   * {@code /apis/<group>/<version>/...}, skipping {@code namespaces/<ns>} of a namespaced path.
   */
  private static String[] resourcePath(String path) {
    String[] parts = path.replaceAll("^/+", "").split("/");
    int start = "api".equals(parts[0]) ? 2 : 3;
    if (parts.length > start + 2 && "namespaces".equals(parts[start])) {
      start += 2;
    }
    if (parts.length <= start) {
      return new String[0];
    }
    String[] rest = new String[parts.length - start];
    System.arraycopy(parts, start, rest, 0, rest.length);
    return rest;
  }
}
