package io.sei.operator.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sei.operator.simulator.cluster.junit.LocalCluster;
import io.sei.operator.simulator.cluster.junit.WithLocalControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real controllers of kube-controller-manager run: StatefulSet and Job controllers create pods
 * (they stay Pending: no kubelet here), the garbage collector cascades deletes, and server-side
 * apply reports conflicts between field managers.
 */
@WithLocalControlPlane
class ControllersIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NO_SCHEDULER = "nobody";

  @Test
  void statefulSetControllerCreatesItsPodWithTheTemplateSpec(LocalCluster cluster) {
    StatefulSet sts =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("node")
            .endMetadata()
            .withNewSpec()
            .withReplicas(1)
            .withServiceName("node")
            .withNewSelector()
            .withMatchLabels(Map.of("app", "node"))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", "node"))
            .endMetadata()
            .withNewSpec()
            .withSchedulerName(NO_SCHEDULER)
            .addNewContainer()
            .withName("seid")
            .withImage("sei-sim:v6.3.0")
            .withArgs("seid", "start", "--home", "/sei")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    cluster.client().apps().statefulSets().inNamespace(cluster.namespace()).resource(sts).create();

    Pod pod =
        await("pod node-0 created by the StatefulSet controller")
            .atMost(WAIT)
            .until(
                () ->
                    cluster
                        .client()
                        .pods()
                        .inNamespace(cluster.namespace())
                        .withName("node-0")
                        .get(),
                p -> p != null);
    assertThat(pod.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("StatefulSet"));
    assertThat(pod.getSpec().getContainers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getImage()).isEqualTo("sei-sim:v6.3.0");
              assertThat(c.getArgs()).containsExactly("seid", "start", "--home", "/sei");
            });
    assertThat(pod.getSpec().getNodeName()).as("no scheduler for it: never bound").isNull();
  }

  @Test
  void jobControllerCreatesAPodForTheJob(LocalCluster cluster) {
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("bootstrap")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withNewTemplate()
            .withNewSpec()
            .withSchedulerName(NO_SCHEDULER)
            .withRestartPolicy("Never")
            .addNewContainer()
            .withName("seid")
            .withImage("sei-sim:v6.3.0")
            .withArgs("seid", "start", "--home", "/sei", "--halt-height", "99")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    cluster.client().batch().v1().jobs().inNamespace(cluster.namespace()).resource(job).create();

    List<Pod> pods =
        await("a pod of Job bootstrap")
            .atMost(WAIT)
            .until(
                () ->
                    cluster
                        .client()
                        .pods()
                        .inNamespace(cluster.namespace())
                        .withLabel("job-name", "bootstrap")
                        .list()
                        .getItems(),
                l -> !l.isEmpty());
    assertThat(pods.get(0).getSpec().getContainers().get(0).getArgs()).contains("--halt-height");
    assertThat(pods.get(0).getStatus().getPhase()).isEqualTo("Pending");
  }

  @Test
  void garbageCollectorDeletesDependentsOfADeletedOwner(LocalCluster cluster) {
    ConfigMap owner =
        cluster
            .client()
            .configMaps()
            .inNamespace(cluster.namespace())
            .resource(
                new ConfigMapBuilder().withNewMetadata().withName("owner").endMetadata().build())
            .create();
    cluster
        .client()
        .configMaps()
        .inNamespace(cluster.namespace())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("dependent")
                .addNewOwnerReference()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName("owner")
                .withUid(owner.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .build())
        .create();

    cluster.client().configMaps().inNamespace(cluster.namespace()).withName("owner").delete();

    await("dependent ConfigMap garbage-collected")
        .atMost(WAIT)
        .until(
            () ->
                cluster
                        .client()
                        .configMaps()
                        .inNamespace(cluster.namespace())
                        .withName("dependent")
                        .get()
                    == null);
  }

  @Test
  void deletedClaimThatNoPodUsesIsRemoved(LocalCluster cluster) {
    cluster.createClaim("data");
    await("the claim protected by the pvc-protection finalizer")
        .atMost(WAIT)
        .until(
            () ->
                cluster
                    .client()
                    .persistentVolumeClaims()
                    .inNamespace(cluster.namespace())
                    .withName("data")
                    .get()
                    .getMetadata()
                    .getFinalizers()
                    .contains("kubernetes.io/pvc-protection"));

    cluster
        .client()
        .persistentVolumeClaims()
        .inNamespace(cluster.namespace())
        .withName("data")
        .delete();

    await("the deleted claim removed by the protection controller")
        .atMost(WAIT)
        .until(
            () ->
                cluster
                        .client()
                        .persistentVolumeClaims()
                        .inNamespace(cluster.namespace())
                        .withName("data")
                        .get()
                    == null);
  }

  @Test
  void serverSideApplyReportsAConflictBetweenFieldManagers(LocalCluster cluster) {
    ConfigMap desired =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("owned")
            .withNamespace(cluster.namespace())
            .endMetadata()
            .withData(Map.of("mode", "fullNode"))
            .build();
    cluster.client().resource(desired).fieldManager("sei-operator").serverSideApply();

    ConfigMap rival = new ConfigMapBuilder(desired).withData(Map.of("mode", "validator")).build();
    assertThatThrownBy(
            () -> cluster.client().resource(rival).fieldManager("someone-else").serverSideApply())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409))
        .hasMessageContaining("sei-operator");

    assertThat(
            cluster
                .client()
                .configMaps()
                .inNamespace(cluster.namespace())
                .withName("owned")
                .get()
                .getData())
        .containsEntry("mode", "fullNode");
  }
}
