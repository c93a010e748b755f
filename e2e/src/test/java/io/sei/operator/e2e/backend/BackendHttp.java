package io.sei.operator.e2e.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The plain HTTP calls both backends make to pods and to the chain. */
final class BackendHttp {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BackendHttp() {}

  /** The body of a GET. */
  static String get(URI uri) {
    return send(request(uri, null, null), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The status of a GET, or of a JSON POST when {@code body} is not null; bearer token if any. */
  static int status(URI uri, String token, String body) {
    return send(request(uri, token, body), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpRequest request(URI uri, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return HTTP.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + request.uri(), e);
    }
  }
}
