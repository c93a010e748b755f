package io.sei.operator;

import io.sei.operator.config.ConfigException;
import io.sei.operator.config.PlatformConfig;
import java.io.PrintStream;
import java.util.Map;

/**
 * Entry point of the operator. It validates the platform configuration before anything else; the
 * reconcilers are not wired into it yet, so a valid configuration ends with a plain message.
 */
public final class Main {
  private Main() {}

  /** Exit code when an option is missing or malformed. */
  static final int EXIT_INVALID_CONFIG = 2;

  /** Exit code of a valid configuration while no reconciler is wired in. */
  static final int EXIT_NOT_WIRED = 1;

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.err));
  }

  static int run(Map<String, String> environment, PrintStream err) {
    try {
      PlatformConfig.fromEnvironment(environment);
    } catch (ConfigException e) {
      err.println("sei-operator: " + e.getMessage());
      return EXIT_INVALID_CONFIG;
    }
    err.println("sei-operator: configuration is valid, but no reconciler is wired in yet; exiting");
    return EXIT_NOT_WIRED;
  }
}
