package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sei.operator.api.Conditions;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.ChainAndOperator;
import io.sei.operator.testing.Keys;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.SimChain;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A validator created before its key Secrets waits for them instead of failing for ever. */
@WithLocalControlPlane(podSecurity = "restricted")
class ValidatorKeysIT {

  @Test
  void aValidatorCreatedBeforeItsKeySecretsWaitsForThemAndThenRuns(LocalCluster cluster)
      throws Exception {
    try (ChainAndOperator env = ChainAndOperator.start(cluster, Map.of())) {
      SimChain chain = env.chain();
      Nodes.create(
          cluster,
          "val",
          Nodes.withKeys(
              Nodes.observer(chain, "sei-sim:v1.0.0"), "val-signing-key", "val-node-key"));

      SeiNode waiting =
          await("SigningKeyReady=False/SigningKeyNotReady")
              .atMost(Nodes.PLAN_TIMEOUT)
              .until(
                  () -> Nodes.get(cluster, "val"),
                  n ->
                      n.getStatus() != null
                          && Nodes.condition(n, Conditions.SIGNING_KEY_READY)
                              .filter(
                                  c ->
                                      Conditions.REASON_SIGNING_KEY_NOT_READY.equals(c.getReason()))
                              .isPresent());
      assertThat(Nodes.condition(waiting, Conditions.SIGNING_KEY_READY).orElseThrow().getMessage())
          .startsWith("Secret val-signing-key does not exist");
      await("the node keeps waiting, Initializing and without a pod")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  Nodes.get(cluster, "val").getStatus().getPhase() == NodePhase.Initializing
                      && cluster
                              .client()
                              .apps()
                              .statefulSets()
                              .inNamespace(cluster.namespace())
                              .withName("val")
                              .get()
                          == null);

      Nodes.secret(cluster, "val-signing-key", Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY);
      Nodes.secret(cluster, "val-node-key", Keys.NODE_KEY_FILE, Keys.NODE_KEY);
      SeiNode running = Nodes.awaitPhase(cluster, "val", NodePhase.Running);
      assertThat(Nodes.condition(running, Conditions.SIGNING_KEY_READY).orElseThrow().getReason())
          .isEqualTo(Conditions.REASON_SIGNING_KEY_VALIDATED);
      assertThat(running.getStatus().getSigningKeyMountedSecret()).isEqualTo("val-signing-key");
    }
  }
}
