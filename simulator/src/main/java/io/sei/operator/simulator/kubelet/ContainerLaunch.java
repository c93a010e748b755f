package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Everything a runtime needs to start one container of a pod. */
record ContainerLaunch(
    String name,
    Container container,
    List<String> argv,
    Map<String, String> env,
    PodNet net,
    MountTable fs,
    Path logFile) {}
