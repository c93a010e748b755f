package io.sei.operator.simulator.sidecar;

import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.net.SimHttp;

/**
 * What a task may touch: the node's home, the snapshot bucket (the chain, or null) and the
 * sidecar's readiness.
 */
record TaskEnv(NodeHome home, SimHttp http, String snapshotBucket, Runnable markReady) {}
