package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.sidecar.Sidecar;
import io.sei.operator.simulator.sidecar.SidecarConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sidecar}: the simulator's own way to start the sidecar, with an explicit home and listen
 * address. It is {@code serve} with flags: each setting is a flag, else the same environment
 * variable, and the same ones are required.
 */
@Command(
    name = "sidecar",
    description =
        "Run the simulated sidecar with an explicit --listen address (the same sidecar as serve).")
final class SidecarCommand implements RoleCommand {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(names = "--home", required = true, paramLabel = "DIR", description = "The node's home.")
  String home;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      description = "API address (trusted-header mode binds loopback whatever is asked).")
  String listen;

  @Option(
      names = "--authn-mode",
      paramLabel = "MODE",
      description =
          "unauthenticated (or none) or trusted-header (default: env "
              + SidecarConfig.AUTHN_MODE_ENV
              + ", else unauthenticated).")
  String authnMode;

  @Option(names = "--chain-id", paramLabel = "ID", description = "Default: env SEI_CHAIN_ID.")
  String chainId;

  @Option(
      names = "--genesis-bucket",
      paramLabel = "NAME",
      description = "Default: env SEI_GENESIS_BUCKET.")
  String genesisBucket;

  @Option(
      names = "--genesis-region",
      paramLabel = "REGION",
      description = "Default: env SEI_GENESIS_REGION.")
  String genesisRegion;

  @Option(
      names = "--snapshot-bucket",
      paramLabel = "NAME",
      description = "Default: env SEI_SNAPSHOT_BUCKET (a bucket name).")
  String snapshotBucket;

  @Option(
      names = "--snapshot-region",
      paramLabel = "REGION",
      description = "Default: env SEI_SNAPSHOT_REGION.")
  String snapshotRegion;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description = "S3-compatible endpoint of both buckets (default: env AWS_ENDPOINT_URL_S3).")
  String s3Endpoint;

  @Mixin SidecarFaultOptions faults = new SidecarFaultOptions();

  @Override
  public SimProcess create(SimContext context) {
    // A bad flag is a usage error, reported before the environment is looked at.
    String mode = authnMode != null ? authnMode : context.env(SidecarConfig.AUTHN_MODE_ENV);
    boolean trustedHeader;
    try {
      trustedHeader = SidecarConfig.trustedHeader("none".equals(mode) ? "" : mode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--authn-mode must be unauthenticated, none or " + SidecarConfig.TRUSTED_HEADER);
    }
    String chain = pick(chainId, context, SidecarConfig.CHAIN_ID_ENV);
    String gBucket = pick(genesisBucket, context, SidecarConfig.GENESIS_BUCKET_ENV);
    String gRegion = pick(genesisRegion, context, SidecarConfig.GENESIS_REGION_ENV);
    String sBucket = pick(snapshotBucket, context, SidecarConfig.SNAPSHOT_BUCKET_ENV);
    String sRegion = pick(snapshotRegion, context, SidecarConfig.SNAPSHOT_REGION_ENV);
    String[] values = {chain, gBucket, gRegion, sBucket, sRegion};
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        return ServeCommand.exit(context, SidecarConfig.missing(SidecarConfig.REQUIRED_ENV.get(i)));
      }
    }
    return new Sidecar(
        new SidecarConfig(
            home,
            trustedHeader ? loopback(listen) : listen,
            trustedHeader,
            chain,
            gBucket,
            gRegion,
            sBucket,
            sRegion,
            pick(s3Endpoint, context, SidecarConfig.S3_ENDPOINT_ENV),
            faults.faults()),
        context);
  }

  private static String pick(String flag, SimContext context, String variable) {
    return flag != null && !flag.isBlank() ? flag : context.env(variable);
  }

  /** Trusted-header mode listens on loopback only, on the port asked. */
  private static String loopback(String listen) {
    int colon = listen.lastIndexOf(':');
    return "127.0.0.1:" + (colon < 0 ? listen : listen.substring(colon + 1));
  }
}
