package io.sei.operator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.sei.operator.api.DataVolumeSpec;
import io.sei.operator.api.ImportSpec;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import io.sei.operator.testing.Nodes;
import io.sei.operator.testing.OperatorUnderTest;
import io.sei.operator.testing.SimChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap plan (seed 003): a Job with the bootstrap image syncs the data PVC to the target
 * height and halts; after teardown the StatefulSet runs the production image on the same PVC.
 */
@WithLocalControlPlane(podSecurity = "restricted")
class BootstrapIT {
  private static final String BOOTSTRAP_IMAGE = "sei-sim:v1.0.0";
  private static final String IMAGE = "sei-sim:v1.1.0";
  private static final long TARGET_HEIGHT = 22;

  private SimChain chain;
  private OperatorUnderTest operator;

  @BeforeEach
  void startChain() throws Exception {
    chain = new SimChain(50, List.of(), 5);
    await("the chain past the target height")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> chain.height() >= TARGET_HEIGHT + 5);
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    chain.close();
  }

  @Test
  void theJobHaltsAtTheTargetHeightAndTheStatefulSetCarriesOnFromItOnTheSamePvc(
      LocalCluster cluster) throws Exception {
    String ns = cluster.namespace();
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(
        cluster, "boot", Nodes.fullNodeFromSnapshot(chain, IMAGE, TARGET_HEIGHT, BOOTSTRAP_IMAGE));

    String pvcUid =
        await("the data PVC")
            .atMost(Nodes.PLAN_TIMEOUT)
            .until(
                () ->
                    cluster
                        .client()
                        .persistentVolumeClaims()
                        .inNamespace(ns)
                        .withName("boot-data")
                        .get(),
                pvc -> pvc != null)
            .getMetadata()
            .getUid();
    await("the bootstrap Job runs the bootstrap image")
        .atMost(Nodes.PLAN_TIMEOUT)
        .until(
            () ->
                cluster
                    .client()
                    .batch()
                    .v1()
                    .jobs()
                    .inNamespace(ns)
                    .withName("boot-bootstrap")
                    .get(),
            job ->
                job != null
                    && job.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage()
                        .equals(BOOTSTRAP_IMAGE)
                    && job.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs()
                        .containsAll(List.of("--halt-height", Long.toString(TARGET_HEIGHT))));

    SeiNode node = Nodes.awaitPhase(cluster, "boot", NodePhase.Running);

    assertThat(node.getStatus().getCurrentImage()).isEqualTo(IMAGE);
    assertThat(
            cluster.client().batch().v1().jobs().inNamespace(ns).withName("boot-bootstrap").get())
        .as("bootstrap Job torn down")
        .isNull();
    assertThat(cluster.client().services().inNamespace(ns).withName("boot-bootstrap").get())
        .as("bootstrap Service torn down")
        .isNull();
    PersistentVolumeClaim pvc =
        cluster.client().persistentVolumeClaims().inNamespace(ns).withName("boot-data").get();
    assertThat(pvc.getMetadata().getUid()).as("the same PVC").isEqualTo(pvcUid);
    assertThat(
            cluster
                .client()
                .apps()
                .statefulSets()
                .inNamespace(ns)
                .withName("boot")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo(IMAGE);
    Path seidLog =
        await("the production seid's log")
            .atMost(Duration.ofSeconds(30))
            .until(() -> cluster.kubelet().logFile(ns, "boot-0", "seid"), log -> log.isPresent())
            .orElseThrow();
    String start =
        await("the production seid started")
            .atMost(Duration.ofSeconds(30))
            // The log file appears when the kubelet starts seid, after the sidecar's mark-ready.
            .ignoreExceptionsInstanceOf(java.nio.file.NoSuchFileException.class)
            .until(
                () ->
                    Files.readAllLines(seidLog).stream()
                        .filter(l -> l.startsWith("SEID node="))
                        .findFirst(),
                line -> line.isPresent())
            .orElseThrow();
    assertThat(start)
        .as("production seid resumes at the bootstrap's halt height")
        .contains("height=" + TARGET_HEIGHT + " ");
  }

  @Test
  void aBootstrapJobWhoseSeidCrashesWhileSyncingFailsThePlanWithSeidsExitAndPanic(
      LocalCluster cluster) throws Exception {
    String ns = cluster.namespace();
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    Nodes.create(
        cluster,
        "doomed",
        Nodes.fullNodeFromSnapshot(chain, IMAGE, TARGET_HEIGHT, BOOTSTRAP_IMAGE));

    // The data volume is the bootstrap seid's home: a faults file there makes it panic while it
    // syncs from the restored snapshot (height 20) towards its halt height (22).
    Path home =
        await("the data PVC bound to its host directory")
            .atMost(Nodes.PLAN_TIMEOUT)
            .until(() -> cluster.claimDirectory("doomed-data"), dir -> dir != null);
    Files.createDirectories(home);
    Files.writeString(home.resolve("sim-faults.json"), "{\"seid\":{\"crashAtHeight\":21}}");

    SeiNode node = Nodes.awaitPhase(cluster, "doomed", NodePhase.Failed);

    assertThat(node.getStatus().getPlan()).as("the failed plan is cleared").isNull();
    assertPlanFailedWith(
        cluster,
        "bootstrap Job doomed-bootstrap failed",
        "seid exited 2",
        "simulated crash at height 21");
    assertThat(cluster.client().apps().statefulSets().inNamespace(ns).withName("doomed").get())
        .as("no production StatefulSet after a failed bootstrap")
        .isNull();
  }

  @Test
  void aBootstrapPodWhoseSeidDiesBeforeItsSidecarIsConfiguredFailsThePlanInsteadOfWaiting(
      LocalCluster cluster) throws Exception {
    String ns = cluster.namespace();
    // An imported data volume, seeded before the node exists: its seid panics as it starts.
    cluster.createClaim("seeded");
    Path home =
        await("the imported PVC bound to its host directory")
            .atMost(Nodes.PLAN_TIMEOUT)
            .until(() -> cluster.claimDirectory("seeded"), dir -> dir != null);
    Files.createDirectories(home);
    Files.writeString(home.resolve("sim-faults.json"), "{\"seid\":{\"crashOnStart\":true}}");
    operator = OperatorUnderTest.start(cluster, Map.of("SEI_S3_ENDPOINT", chain.url()));
    SeiNodeSpec spec = Nodes.fullNodeFromSnapshot(chain, IMAGE, TARGET_HEIGHT, BOOTSTRAP_IMAGE);
    spec.setDataVolume(new DataVolumeSpec().withDataImport(new ImportSpec().withPvcName("seeded")));
    Nodes.create(cluster, "early", spec);

    Nodes.awaitPhase(cluster, "early", NodePhase.Failed);

    assertPlanFailedWith(
        cluster,
        "bootstrap Job early-bootstrap failed",
        "seid exited 2",
        "simulated crash on start");
    assertThat(cluster.client().persistentVolumeClaims().inNamespace(ns).withName("seeded").get())
        .as("the imported volume is never deleted")
        .isNotNull();
  }

  /**
   * The node's plan failed, and the one PlanFailed event names each of {@code parts}. The operator
   * records the event after the status write that shows the node Failed, so it is awaited.
   */
  private static void assertPlanFailedWith(LocalCluster cluster, String... parts) {
    await("the PlanFailed event")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Nodes.eventMessages(cluster, "PlanFailed"))
                    .singleElement()
                    .satisfies(m -> assertThat(m).contains(parts)));
  }
}
