package io.sei.operator.simulator.sidecar;

import io.sei.operator.simulator.faults.SidecarFaults;
import java.util.List;
import java.util.Locale;

/**
 * How one simulated sidecar runs.
 *
 * @param home the node's home as the process names it, where task effects land
 * @param listen {@code HOST:PORT} of the v0 API
 * @param trustedHeader trusted-header authn: loopback only, exactly one {@code X-Remote-User}
 *     required except on {@link Sidecar#BYPASS_PATHS}
 * @param chainId {@value #CHAIN_ID_ENV}
 * @param genesisBucket {@value #GENESIS_BUCKET_ENV}: a bucket name
 * @param genesisRegion {@value #GENESIS_REGION_ENV}
 * @param snapshotBucket {@value #SNAPSHOT_BUCKET_ENV}: a bucket name
 * @param snapshotRegion {@value #SNAPSHOT_REGION_ENV}
 * @param s3Endpoint {@value #S3_ENDPOINT_ENV}: the S3-compatible endpoint serving both buckets
 *     (path-style), or null
 * @param faults faults set by flags
 */
public record SidecarConfig(
    String home,
    String listen,
    boolean trustedHeader,
    String chainId,
    String genesisBucket,
    String genesisRegion,
    String snapshotBucket,
    String snapshotRegion,
    String s3Endpoint,
    SidecarFaults faults) {

  public static final String HOME_ENV = "SEI_HOME";
  public static final String PORT_ENV = "SEI_SIDECAR_PORT";
  public static final String AUTHN_MODE_ENV = "SEI_SIDECAR_AUTHN_MODE";
  public static final String CHAIN_ID_ENV = "SEI_CHAIN_ID";
  public static final String GENESIS_BUCKET_ENV = "SEI_GENESIS_BUCKET";
  public static final String GENESIS_REGION_ENV = "SEI_GENESIS_REGION";
  public static final String SNAPSHOT_BUCKET_ENV = "SEI_SNAPSHOT_BUCKET";
  public static final String SNAPSHOT_REGION_ENV = "SEI_SNAPSHOT_REGION";
  public static final String S3_ENDPOINT_ENV = "AWS_ENDPOINT_URL_S3";

  /** The variables the sidecar refuses to start without, in the order it checks them. */
  public static final List<String> REQUIRED_ENV =
      List.of(
          CHAIN_ID_ENV,
          GENESIS_BUCKET_ENV,
          GENESIS_REGION_ENV,
          SNAPSHOT_BUCKET_ENV,
          SNAPSHOT_REGION_ENV);

  public static final String DEFAULT_HOME = "/sei";
  public static final int DEFAULT_PORT = 7777;
  public static final String TRUSTED_HEADER = "trusted-header";
  public static final String UNAUTHENTICATED = "unauthenticated";

  /** What the sidecar prints, and exits on, when a required variable is empty. */
  public static String missing(String variable) {
    return "required environment variable " + variable + " is not set";
  }

  /**
   * Whether {@code raw} ({@value #AUTHN_MODE_ENV}) selects trusted-header mode: {@code ""} and
   * {@code unauthenticated} do not; anything else is an {@link IllegalArgumentException} with the
   * real sidecar's text.
   */
  public static boolean trustedHeader(String raw) {
    String mode = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "", UNAUTHENTICATED -> false;
      case TRUSTED_HEADER -> true;
      default ->
          throw new IllegalArgumentException(
              AUTHN_MODE_ENV
                  + "=\""
                  + mode
                  + "\" is not recognized (allowed: \"\", \"unauthenticated\", \"trusted-header\")");
    };
  }
}
