package io.sei.operator.config;

/** A platform option that is missing or malformed; the message names the variable and the fault. */
public final class ConfigException extends RuntimeException {
  private final String variable;

  ConfigException(String variable, String problem) {
    super(variable + " " + problem);
    this.variable = variable;
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
