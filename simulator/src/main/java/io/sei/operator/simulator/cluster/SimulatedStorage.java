package io.sei.operator.simulator.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The S3 settings an operator is given when its nodes run against the simulated chain: bucket names
 * and a region the sidecar requires, and the chain's address as the S3-compatible endpoint that
 * serves both buckets (the chain answers for any bucket name).
 */
public final class SimulatedStorage {
  private SimulatedStorage() {}

  public static final String GENESIS_BUCKET = "sei-sim-genesis";
  public static final String SNAPSHOT_BUCKET = "sei-sim-snapshots";
  public static final String REGION = "local-1";
  public static final String ENDPOINT_VARIABLE = "SEI_S3_ENDPOINT";

  /** The operator's storage settings; {@code endpoint} (the chain's URL) may be null. */
  public static Map<String, String> operatorEnv(String endpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SEI_GENESIS_BUCKET", GENESIS_BUCKET);
    env.put("SEI_GENESIS_REGION", REGION);
    env.put("SEI_SNAPSHOT_BUCKET", SNAPSHOT_BUCKET);
    env.put("SEI_SNAPSHOT_REGION", REGION);
    if (endpoint != null) {
      env.put(ENDPOINT_VARIABLE, endpoint);
    }
    return env;
  }
}
