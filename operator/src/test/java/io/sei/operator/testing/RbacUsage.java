package io.sei.operator.testing;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every request the operators of this test JVM sent to the API server, as RBAC sees it: API group,
 * resource (with subresource) and verb. {@link OperatorUnderTest} records through {@link
 * #recorder()}; {@link Tracker} (registered for every test class) notes which test classes ran, so
 * the coverage check knows whether it saw the whole suite.
 */
public final class RbacUsage {
  private RbacUsage() {}

  /** One permission as a rule grants it. */
  public record Access(String group, String resource, String verb) {
    @Override
    public String toString() {
      return (group.isEmpty() ? "core" : group) + "/" + resource + ":" + verb;
    }
  }

  private static final String APPLY_PATCH = "application/apply-patch+yaml";

  private static final Set<Access> USED = ConcurrentHashMap.newKeySet();
  private static final Set<String> CLASSES_RUN = ConcurrentHashMap.newKeySet();

  public static Set<Access> used() {
    return Set.copyOf(USED);
  }

  public static Set<String> classesRun() {
    return Set.copyOf(CLASSES_RUN);
  }

  /** Adds the recording interceptor to a client's HTTP client. */
  static Consumer<HttpClient.Builder> recorder() {
    return builder ->
        builder.addOrReplaceInterceptor(
            "rbac-usage",
            new Interceptor() {
              @Override
              public void before(BasicBuilder b, HttpRequest request, RequestTags tags) {
                Optional<Access> access =
                    access(
                        request.method(), request.uri().getRawPath(), request.uri().getRawQuery());
                access.ifPresent(USED::add);
                // A server-side apply of an absent object creates it: the API server then
                // authorizes create as well as patch.
                if (isApply(request)) {
                  access
                      .map(a -> new Access(a.group(), a.resource(), "create"))
                      .ifPresent(USED::add);
                }
              }
            });
  }

  /** A server-side apply: fabric8 keeps the content type beside the headers until it sends. */
  private static boolean isApply(HttpRequest request) {
    String contentType =
        request instanceof StandardHttpRequest standard
            ? standard.getContentType()
            : request.header("Content-Type");
    return contentType != null && contentType.startsWith(APPLY_PATCH);
  }

  /**
   * The access a request needs: {@code /api/v1/...} or {@code /apis/<group>/<version>/...},
   * optionally {@code namespaces/<ns>/}, then {@code <resource>[/<name>[/<subresource>]]}. Empty
   * for paths that are not resources (discovery, {@code /version}).
   */
  static Optional<Access> access(String method, String path, String query) {
    List<String> parts = List.of(path.replaceFirst("^/", "").split("/"));
    int at;
    String group;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      at = 2;
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      at = 3;
    } else {
      return Optional.empty();
    }
    List<String> rest = parts.subList(at, parts.size());
    if (rest.size() >= 2 && rest.get(0).equals("namespaces") && rest.size() > 2) {
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0);
    boolean named = rest.size() >= 2;
    if (rest.size() >= 3) {
      resource += "/" + rest.get(2);
    }
    boolean watch = query != null && List.of(query.split("&")).contains("watch=true");
    String verb =
        switch (method) {
          case "GET" -> watch ? "watch" : named ? "get" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    return Optional.of(new Access(group, resource, verb));
  }

  /** Notes every test class that starts. */
  public static final class Tracker implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      CLASSES_RUN.add(context.getRequiredTestClass().getName());
    }
  }
}
