package io.sei.operator.planner.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** RFC 3339 timestamps as stored in status fields (UTC, whole seconds). */
public final class Timestamps {
  private Timestamps() {}

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The instant of a stored timestamp; empty when absent or unreadable. */
  public static Optional<Instant> parse(String timestamp) {
    if (timestamp == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Time from {@code startedAt} to {@code now}; zero when {@code startedAt} is unknown. */
  public static Duration since(String startedAt, Instant now) {
    return parse(startedAt).map(start -> Duration.between(start, now)).orElse(Duration.ZERO);
  }
}
