package io.sei.operator.testing;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * An interceptor on the operator's client that, the first time it sends a status write matching a
 * path suffix and a body test, first runs {@code race} (e.g. a user's edit through another client),
 * so that the API server answers that write with a real 409 Conflict: the operator's
 * resourceVersion is stale by then. Records the status code the write got.
 */
public final class StatusRace implements Interceptor {
  private final String pathSuffix;
  private final Predicate<String> body;
  private final Runnable race;
  private final AtomicBoolean raced = new AtomicBoolean();
  private final AtomicReference<Integer> code = new AtomicReference<>();

  /**
   * @param pathSuffix e.g. {@code /seinodedeployments/grp/status}
   * @param body which write to race, by its JSON body
   */
  public StatusRace(String pathSuffix, Predicate<String> body, Runnable race) {
    this.pathSuffix = pathSuffix;
    this.body = body;
    this.race = race;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (!raced.get()
        && matches(request)
        && body.test(Optional.ofNullable(request.bodyString()).orElse(""))
        && raced.compareAndSet(false, true)) {
      race.run();
    }
  }

  @Override
  public void after(
      HttpRequest request,
      HttpResponse<?> response,
      AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    answered(request, response);
  }

  @Override
  public CompletableFuture<Boolean> afterFailure(
      BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
    answered(response.request(), response);
    return CompletableFuture.completedFuture(false);
  }

  private boolean matches(HttpRequest request) {
    return request.method().equals("PUT") && request.uri().getRawPath().endsWith(pathSuffix);
  }

  /**
   * The first answer to a matching write once raced is the raced write's: the interceptors see a
   * rebuilt request (another id), and the operator writes one resource's status at a time.
   */
  private void answered(HttpRequest request, HttpResponse<?> response) {
    if (raced.get() && request != null && matches(request)) {
      code.compareAndSet(null, response.code());
    }
  }

  /** The status code of the raced write; empty while it has not been answered. */
  public Optional<Integer> answer() {
    return Optional.ofNullable(code.get());
  }
}
