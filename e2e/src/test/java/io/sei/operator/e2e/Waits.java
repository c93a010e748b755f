package io.sei.operator.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Every wait of the features, with a timeout of its own and an alias naming what was awaited, so a
 * timeout reads "Condition with alias 'SeiNode rpc to be Running' didn't complete within 2
 * minutes".
 */
public final class Waits {
  private static final Duration POLL = Duration.ofMillis(100);

  private Waits() {}

  /** Waits until {@code condition} holds; exceptions while polling count as "not yet". */
  public static void eventually(String what, Duration timeout, Callable<Boolean> condition) {
    Awaitility.await(what).atMost(timeout).pollInterval(POLL).ignoreExceptions().until(condition);
  }

  /** Waits until {@code value} satisfies {@code accepted}, and returns that value. */
  public static <T> T eventually(
      String what, Duration timeout, Callable<T> value, Predicate<? super T> accepted) {
    return Awaitility.await(what)
        .atMost(timeout)
        .pollInterval(POLL)
        .ignoreExceptions()
        .until(value, accepted);
  }

  /** Fails as soon as {@code happened} holds within {@code during}; passes if it never does. */
  public static void never(String what, Duration during, Callable<Boolean> happened) {
    Awaitility.await("never " + what)
        .during(during)
        .atMost(during.plusSeconds(10))
        .pollInterval(POLL)
        .until(() -> !happened.call());
  }
}
