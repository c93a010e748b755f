package io.sei.operator.simulator.kubelet;

import java.io.IOException;

/** Runs containers of the images it knows. */
interface ContainerRuntime {
  boolean runs(String image);

  ContainerProcess start(ContainerLaunch launch) throws IOException;

  /** The repository name of an image reference: {@code reg.io:5000/x/sei-sim:v1} → sei-sim. */
  static String repositoryName(String image) {
    String ref = image;
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    String last = slash >= 0 ? ref.substring(slash + 1) : ref;
    int colon = last.indexOf(':');
    return colon >= 0 ? last.substring(0, colon) : last;
  }
}
