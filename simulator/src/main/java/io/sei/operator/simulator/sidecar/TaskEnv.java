package io.sei.operator.simulator.sidecar;

import io.sei.operator.simulator.home.NodeHome;
import io.sei.operator.simulator.net.SimHttp;

/** What a task may touch: the node's home, the sidecar's settings, S3 and HTTP. */
record TaskEnv(NodeHome home, SidecarConfig config, S3 s3, SimHttp http) {}
