package io.sei.operator.config;

import java.util.Optional;

/**
 * Where sidecars find genesis files and state-sync snapshots: S3 bucket names and regions (the
 * sidecar's required {@code SEI_GENESIS_*} and {@code SEI_SNAPSHOT_*} variables) and, for an
 * S3-compatible store, its endpoint ({@code AWS_ENDPOINT_URL_S3}).
 */
public record ChainStorage(
    String genesisBucket,
    String genesisRegion,
    String snapshotBucket,
    String snapshotRegion,
    Optional<String> endpoint) {}
