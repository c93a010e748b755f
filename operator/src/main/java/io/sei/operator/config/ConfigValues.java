package io.sei.operator.config;

import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers of option text; each failure message completes "VARIABLE is invalid: 'text' ...". */
final class ConfigValues {
  private ConfigValues() {}

  private static final Pattern QUANTITY =
      Pattern.compile("^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$");
  private static final Pattern DURATION = Pattern.compile("^([0-9]{1,9})(ms|s|m|h)$");
  static final String NONE = "none";
  private static final Set<String> RESOURCE_NAMES = Set.of("cpu", "memory", "ephemeral-storage");

  static String image(String text) {
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("must be an image reference without spaces");
    }
    return text;
  }

  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern REGION = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

  /** An S3 bucket name, as the sidecar takes it: a plain name, never a URL. */
  static String bucket(String text) {
    if (text.contains("://") || text.contains("/")) {
      throw new IllegalArgumentException(
          "must be a bucket name, not a URL or path (the sidecar builds object keys itself; set"
              + " SEI_S3_ENDPOINT for an S3-compatible endpoint)");
    }
    if (!BUCKET.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be an S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens");
    }
    return text;
  }

  /** An S3 region such as us-east-2. */
  static String region(String text) {
    if (!REGION.matcher(text).matches()) {
      throw new IllegalArgumentException("must be a region name such as us-east-2");
    }
    return text;
  }

  /** An http(s) URL, or empty for "not set". */
  static Optional<String> optionalUrl(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (!text.matches("^https?://[^\\s/]+(/\\S*)?$")) {
      throw new IllegalArgumentException("must be an http:// or https:// URL");
    }
    return Optional.of(text);
  }

  /** Free text where empty means "not set". */
  static Optional<String> optionalText(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  static Quantity quantity(String text) {
    if (!QUANTITY.matcher(text).matches()
        || Quantity.getAmountInBytes(new Quantity(text)).signum() <= 0) {
      throw new IllegalArgumentException("must be a positive Kubernetes quantity such as 100Gi");
    }
    return new Quantity(text);
  }

  /** {@code cpu=500m,memory=1Gi}, or {@code none}. Keys sorted, so rendering is stable. */
  static Map<String, Quantity> resourceList(String text) {
    Map<String, Quantity> resources = new TreeMap<>();
    if (text.equals(NONE)) {
      return resources;
    }
    for (String entry : text.split(",")) {
      String[] pair = entry.strip().split("=", 2);
      String name = pair[0].strip();
      if (pair.length != 2 || !RESOURCE_NAMES.contains(name) || resources.containsKey(name)) {
        throw new IllegalArgumentException(
            "must be none or a list like cpu=500m,memory=1Gi (names: cpu, memory,"
                + " ephemeral-storage; each once)");
      }
      String amount = pair[1].strip();
      if (!QUANTITY.matcher(amount).matches()) {
        throw new IllegalArgumentException(
            "has '" + amount + "' for " + name + ", which is not a Kubernetes quantity");
      }
      resources.put(name, new Quantity(amount));
    }
    return resources;
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException("must be a positive duration such as 100ms, 5s, 1m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  static SidecarEndpointMode endpointMode(String text) {
    for (SidecarEndpointMode mode : SidecarEndpointMode.values()) {
      if (mode.value().equals(text.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException("must be one of " + SidecarEndpointMode.allValues());
  }

  private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
  private static final Pattern LABEL_KEY =
      Pattern.compile(
          "^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$");

  /** A Kubernetes object name that is also a DNS label (namespaces, ServiceAccounts). */
  static String name(String text) {
    if (!NAME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be a DNS label: at most 63 lowercase letters, digits or '-', starting and ending"
              + " with a letter or digit");
    }
    return text;
  }

  /** A {@link #name}, or empty for "not set". */
  static Optional<String> optionalName(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(name(text));
  }

  /** Comma-separated {@link #name}s; empty for none. */
  static Set<String> names(String text) {
    Set<String> names = new TreeSet<>();
    if (text.isEmpty()) {
      return names;
    }
    for (String entry : text.split(",")) {
      String name = entry.strip();
      try {
        names.add(name(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "has '" + name + "', which is not a namespace name: it " + e.getMessage());
      }
    }
    return Set.copyOf(names);
  }

  static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  /** {@code key=value,...}: Kubernetes label keys and values, at least one pair. */
  static Map<String, String> labels(String text) {
    Map<String, String> labels = new TreeMap<>();
    for (String entry : text.split(",")) {
      String[] pair = entry.strip().split("=", 2);
      String key = pair[0].strip();
      if (pair.length != 2
          || !LABEL_KEY.matcher(key).matches()
          || !LABEL_VALUE.matcher(pair[1].strip()).matches()
          || labels.containsKey(key)) {
        throw new IllegalArgumentException(
            "must be a list of labels like app.kubernetes.io/name=sei-operator (valid label keys"
                + " and values, each key once)");
      }
      labels.put(key, pair[1].strip());
    }
    return labels;
  }

  static Path absolutePath(String text) {
    Path path = Path.of(text);
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("must be an absolute path");
    }
    return path;
  }
}
