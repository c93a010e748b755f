package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.simulator.cluster.KeyHolders;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.ChainAndOperator;
import io.sei.operator.testing.Keys;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.SimChain;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One signing key, one holder: a second SeiNode naming the key's Secret, or another Secret holding
 * the same key, waits with {@code SigningKeyHeld} naming the holder and mounts nothing; once the
 * holder is deleted — which completes only after its pod is gone — the oldest claimant takes it.
 */
@WithLocalControlPlane(podSecurity = "restricted")
class SigningKeyHoldersIT {

  @Test
  void aSecondClaimantOfAKeyWaitsForTheHolderToBeGoneWithItsPod(LocalCluster cluster)
      throws Exception {
    try (ChainAndOperator env = ChainAndOperator.start(cluster, Map.of());
        KeyHolders holders =
            new KeyHolders(cluster.client(), cluster.namespace(), "key-a", "key-copy")) {
      SimChain chain = env.chain();
      Nodes.secret(cluster, "key-a", Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY);
      Nodes.secret(cluster, "key-copy", Keys.SIGNING_KEY_FILE, Keys.SIGNING_KEY);
      Nodes.secret(cluster, "node-a", Keys.NODE_KEY_FILE, Keys.NODE_KEY);
      Nodes.secret(cluster, "node-b", Keys.NODE_KEY_FILE, Keys.NODE_KEY);
      Nodes.secret(cluster, "node-c", Keys.NODE_KEY_FILE, Keys.NODE_KEY);
      Nodes.create(cluster, "val-a", validator(chain, "key-a", "node-a"));
      Nodes.awaitPhase(cluster, "val-a", NodePhase.Running);

      Nodes.create(cluster, "val-b", validator(chain, "key-a", "node-b"));
      Nodes.create(cluster, "val-c", validator(chain, "key-copy", "node-c"));
      assertThat(awaitHeld(cluster, "val-b", "val-a").getMessage())
          .contains("Secret key-a is held by SeiNode val-a");
      assertThat(awaitHeld(cluster, "val-c", "val-a").getMessage())
          .as("another Secret with the same key is the same key")
          .contains("Secret key-copy is held by SeiNode val-a")
          .doesNotContain("priv_key");
      assertThat(holders.holders())
          .as(holders.history())
          .allSatisfy(pod -> assertThat(pod).startsWith("val-a-"));

      cluster
          .client()
          .resources(SeiNode.class)
          .inNamespace(cluster.namespace())
          .withName("val-a")
          .delete();
      SeiNode b = Nodes.awaitPhase(cluster, "val-b", NodePhase.Running);
      assertThat(b.getStatus().getSigningKeyMountedSecret()).isEqualTo("key-a");
      assertThat(awaitHeld(cluster, "val-c", "val-b").getMessage())
          .as("the younger claimant now waits on the new holder")
          .contains("held by SeiNode val-b");
      assertThat(holders.mostAtOnce())
          .as("pods mounting the key at once:%n%s", holders.history())
          .isEqualTo(1);
      assertThat(chain.evidence()).as("double-sign evidence").isEmpty();
    }
  }

  private static io.sei.operator.api.SeiNodeSpec validator(
      SimChain chain, String signingKey, String nodeKey) {
    return Nodes.withKeys(Nodes.observer(chain, "sei-sim:v1.0.0"), signingKey, nodeKey);
  }

  /** Waits for SigningKeyReady=False/SigningKeyHeld on {@code name} naming {@code holder}. */
  private static Condition awaitHeld(LocalCluster cluster, String name, String holder) {
    return await("SigningKeyReady=False/SigningKeyHeld on " + name + " naming " + holder)
        .atMost(Nodes.PLAN_TIMEOUT)
        .until(
            () ->
                Optional.ofNullable(Nodes.get(cluster, name))
                    .filter(n -> n.getStatus() != null)
                    .flatMap(n -> Nodes.condition(n, Conditions.SIGNING_KEY_READY))
                    .filter(c -> Conditions.REASON_SIGNING_KEY_HELD.equals(c.getReason()))
                    .filter(c -> c.getMessage().contains("held by SeiNode " + holder + ":"))
                    .orElse(null),
            c -> c != null);
  }
}
