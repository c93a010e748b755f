package io.sei.operator.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sei.operator.api.SeiNode;
import io.sei.operator.config.SidecarEndpointMode;
import io.sei.operator.planner.task.AwaitNodesCaughtUpParams;
import io.sei.operator.render.Names;
import io.sei.operator.render.NodePod;
import io.sei.operator.render.PodRole;
import io.sei.operator.render.Ports;
import io.sei.operator.task.NodePods;
import io.sei.operator.task.Progress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code await-nodes-caught-up}: seid of every named node answers {@code /status} with {@code
 * catching_up: false} (CometBFT RPC on 26657, by Service DNS or pod IP like the sidecar).
 */
final class AwaitNodesCaughtUp {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  Progress run(GroupContext context, AwaitNodesCaughtUpParams params) {
    for (String name : params.nodeNames()) {
      Optional<SeiNode> node = context.node(params.namespace(), name);
      Optional<String> host = node.flatMap(n -> host(context, n));
      if (host.isEmpty() || !caughtUp(host.get())) {
        return Progress.waiting("SeiNode " + name + " to catch up");
      }
    }
    return Progress.done();
  }

  private static Optional<String> host(GroupContext context, SeiNode node) {
    if (context.services().config().sidecarEndpoint() == SidecarEndpointMode.POD_IP) {
      return NodePods.running(
              context.client(),
              node.getMetadata().getNamespace(),
              NodePod.selector(node, PodRole.PRODUCTION))
          .map(p -> p.getStatus().getPodIP());
    }
    return Optional.of(
        Names.service(node, PodRole.PRODUCTION) + "." + node.getMetadata().getNamespace() + ".svc");
  }

  private static boolean caughtUp(String host) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://" + host + ":" + Ports.SEID_RPC + "/status"))
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode sync = JSON.readTree(response.body()).path("result").path("sync_info");
      return response.statusCode() == 200
          && sync.has("catching_up")
          && !sync.path("catching_up").asBoolean(true);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
