package io.sei.operator.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.api.SeiNode;
import io.sei.operator.config.SidecarEndpointMode;
import io.sei.operator.render.Names;
import io.sei.operator.render.NodePod;
import io.sei.operator.render.PodRole;
import io.sei.operator.render.Ports;
import io.sei.operator.task.NodePods;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * seid's CometBFT {@code /status} (RPC port 26657) of a node's production pod, addressed like its
 * sidecar: by pod IP for an operator outside the cluster, else by the node's Service DNS name.
 */
final class SeidStatus {
  private SeidStatus() {}

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code result.sync_info} of the node's seid; empty when it does not answer. */
  static Optional<JsonNode> syncInfo(GroupContext context, SeiNode node) {
    return host(context, node).flatMap(SeidStatus::get);
  }

  private static Optional<String> host(GroupContext context, SeiNode node) {
    if (context.services().config().sidecarEndpoint() == SidecarEndpointMode.POD_IP) {
      return NodePods.running(
              context.client(),
              node.getMetadata().getNamespace(),
              NodePod.selector(node, PodRole.PRODUCTION))
          .map(p -> p.getStatus().getPodIP());
    }
    return Optional.of(Names.serviceHost(node, PodRole.PRODUCTION));
  }

  private static Optional<JsonNode> get(String host) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://" + host + ":" + Ports.SEID_RPC + "/status"))
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode sync = JSON.readTree(response.body()).path("result").path("sync_info");
      return sync.isObject() ? Optional.of(sync) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
