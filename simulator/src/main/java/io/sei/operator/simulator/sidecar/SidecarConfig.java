package io.sei.operator.simulator.sidecar;

import io.sei.operator.simulator.faults.SidecarFaults;
import java.nio.file.Path;

/**
 * How one simulated sidecar runs.
 *
 * @param home the node's home, where task effects land
 * @param listen {@code HOST:PORT} of the v0 API
 * @param trustedHeader {@code --authn-mode trusted-header}: loopback only, {@code X-Remote-User}
 *     required except on the probe and metrics paths
 * @param snapshotBucket the chain whose snapshots {@code snapshot-restore} reads, or null
 * @param faults faults set by flags
 */
public record SidecarConfig(
    Path home, String listen, boolean trustedHeader, String snapshotBucket, SidecarFaults faults) {

  public static final String AUTHN_MODE_ENV = "SEI_SIDECAR_AUTHN_MODE";
  public static final String SNAPSHOT_BUCKET_ENV = "SEI_SNAPSHOT_BUCKET";
  public static final String TRUSTED_HEADER = "trusted-header";
  public static final String NO_AUTHN = "none";
}
