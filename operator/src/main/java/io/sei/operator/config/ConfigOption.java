package io.sei.operator.config;

import java.util.Map;
import java.util.Optional;

/**
 * One platform option: an environment variable, its default ({@code null} when the option is
 * required), what it means, and how its text becomes a value. A blank variable counts as unset.
 *
 * @param <T> the parsed value
 */
public record ConfigOption<T>(
    String variable, String defaultValue, String description, Parser<T> parser) {

  /** Turns the text of a variable into a value, or explains why it cannot. */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * @throws IllegalArgumentException with a message completing "VARIABLE ..." (e.g. "must be a
     *     duration such as 5s")
     */
    T parse(String text);
  }

  static <T> ConfigOption<T> required(String variable, String description, Parser<T> parser) {
    return new ConfigOption<>(variable, null, description, parser);
  }

  static <T> ConfigOption<T> optional(
      String variable, String defaultValue, String description, Parser<T> parser) {
    return new ConfigOption<>(variable, defaultValue, description, parser);
  }

  public boolean isRequired() {
    return defaultValue == null;
  }

  /** The value of this option in {@code environment}, its default when unset. */
  T read(Map<String, String> environment) {
    String text =
        Optional.ofNullable(environment.get(variable))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(defaultValue);
    if (text == null) {
      throw new ConfigException(variable, "is required: " + description);
    }
    try {
      return parser.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(variable, "is invalid: '" + text + "' " + e.getMessage());
    }
  }
}
