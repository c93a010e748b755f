package io.sei.operator.simulator.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The roles' HTTP client: every URL passes through {@link SimNet#outbound(URI)}. */
public final class SimHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** A status and a parsed JSON body (missing when the body is not JSON). */
  public record Reply(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  private final HttpClient client;
  private final SimNet net;

  public SimHttp(HttpClient client, SimNet net) {
    this.client = client;
    this.net = net;
  }

  /** An HTTP/1.1 client fit for the roles (the JDK server does not speak h2c). */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
  }

  public Reply get(URI target) throws IOException {
    return send(HttpRequest.newBuilder(net.outbound(target)).GET());
  }

  public Reply post(URI target, Object body) throws IOException {
    return send(
        HttpRequest.newBuilder(net.outbound(target))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))));
  }

  private Reply send(HttpRequest.Builder builder) throws IOException {
    try {
      HttpResponse<byte[]> response =
          client.send(builder.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body;
      try {
        body = Json.parse(response.body());
      } catch (IOException notJson) {
        body = Json.missing();
      }
      return new Reply(response.statusCode(), body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
