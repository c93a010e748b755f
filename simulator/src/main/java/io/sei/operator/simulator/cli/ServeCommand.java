package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.net.HostPort;
import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.sidecar.Sidecar;
import io.sei.operator.simulator.sidecar.SidecarConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code seictl serve}: the simulated sidecar started as the real one is, from its environment.
 * Missing required variables and a bad authn mode print the real sidecar's message to stderr and
 * exit 1.
 */
@Command(
    name = "serve",
    description = "Run the simulated sidecar as seictl serve (settings from the environment).")
final class ServeCommand implements RoleCommand {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "The node's home (default: env SEI_HOME, else /sei).")
  String home;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "API port (default: env SEI_SIDECAR_PORT, else 7777).")
  String port;

  @Mixin SidecarFaultOptions faults = new SidecarFaultOptions();

  @Override
  public SimProcess create(SimContext context) {
    for (String variable : SidecarConfig.REQUIRED_ENV) {
      if (context.env(variable) == null) {
        return exit(context, SidecarConfig.missing(variable));
      }
    }
    String portText = port != null ? port : context.env(SidecarConfig.PORT_ENV);
    int portNumber = SidecarConfig.DEFAULT_PORT;
    if (portText != null) {
      try {
        portNumber = Integer.parseInt(portText.strip());
        if (portNumber < 0 || portNumber > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        return exit(
            context, "server error: listen tcp: address tcp/" + portText + ": unknown port");
      }
    }
    boolean trustedHeader;
    try {
      trustedHeader = SidecarConfig.trustedHeader(context.env(SidecarConfig.AUTHN_MODE_ENV));
    } catch (IllegalArgumentException e) {
      return exit(context, e.getMessage());
    }
    String homeDir = home != null ? home : context.env(SidecarConfig.HOME_ENV);
    String listen = new HostPort(trustedHeader ? "127.0.0.1" : "0.0.0.0", portNumber).toString();
    return new Sidecar(
        new SidecarConfig(
            homeDir != null ? homeDir.strip() : SidecarConfig.DEFAULT_HOME,
            listen,
            trustedHeader,
            context.env(SidecarConfig.CHAIN_ID_ENV),
            context.env(SidecarConfig.GENESIS_BUCKET_ENV),
            context.env(SidecarConfig.GENESIS_REGION_ENV),
            context.env(SidecarConfig.SNAPSHOT_BUCKET_ENV),
            context.env(SidecarConfig.SNAPSHOT_REGION_ENV),
            context.env(SidecarConfig.S3_ENDPOINT_ENV),
            faults.faults()),
        context);
  }

  /** Prints {@code message} to stderr, as the real sidecar does before exiting 1. */
  static SimProcess exit(SimContext context, String message) {
    context.err().println(message);
    context.err().flush();
    return SimProcess.exited(ExitCodes.ERROR);
  }
}
