package io.sei.operator.planner.plan;

import static io.sei.operator.planner.Fixtures.IMAGE_V1;
import static io.sei.operator.planner.Fixtures.IMAGE_V2;
import static io.sei.operator.planner.Fixtures.archive;
import static io.sei.operator.planner.Fixtures.bootstrap;
import static io.sei.operator.planner.Fixtures.fullNode;
import static io.sei.operator.planner.Fixtures.node;
import static io.sei.operator.planner.Fixtures.running;
import static io.sei.operator.planner.Fixtures.s3;
import static io.sei.operator.planner.Fixtures.stateSync;
import static io.sei.operator.planner.Fixtures.staticPeers;
import static io.sei.operator.planner.Fixtures.validator;

import io.sei.operator.api.PlannedTask;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.TaskPlan;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The node plan shapes, as (case, node, expected task order). Shared by several tests. */
public final class PlanShapes {
  private PlanShapes() {}

  static final String SNAPSHOT_PROGRESSION =
      "snapshot-restore, configure-genesis, config-apply, configure-state-sync, config-validate,"
          + " mark-ready";
  static final String K8S_INIT =
      "ensure-data-pvc, apply-rbac-proxy-config, apply-statefulset, apply-service";

  /** Pending nodes and the init or bootstrap plan each gets. */
  public static Stream<Arguments> initShapes() {
    return Stream.of(
        Arguments.of(
            "genesis full node",
            node(fullNode(null)),
            K8S_INIT + ", configure-genesis, config-apply, config-validate, mark-ready"),
        Arguments.of(
            "archive node with peers",
            node(archive().withPeers(staticPeers("id@h:26656"))),
            K8S_INIT + ", configure-genesis, config-apply, config-validate, mark-ready"),
        Arguments.of(
            "state-sync full node",
            node(fullNode(stateSync())),
            K8S_INIT
                + ", configure-genesis, config-apply, configure-state-sync, config-validate,"
                + " mark-ready"),
        Arguments.of(
            "state-sync full node with peers",
            node(fullNode(stateSync()).withPeers(staticPeers("id@h:26656"))),
            K8S_INIT
                + ", configure-genesis, config-apply, configure-state-sync,"
                + " config-validate, mark-ready"),
        Arguments.of(
            "s3 full node", node(fullNode(s3(99))), K8S_INIT + ", " + SNAPSHOT_PROGRESSION),
        Arguments.of(
            "s3 full node with peers",
            node(fullNode(s3(99)).withPeers(staticPeers("id@h:26656"))),
            K8S_INIT + ", " + SNAPSHOT_PROGRESSION),
        Arguments.of(
            "validator with keys",
            node(validator("val-key")),
            "ensure-data-pvc, validate-signing-key, validate-node-key, apply-rbac-proxy-config,"
                + " apply-statefulset, apply-service, configure-genesis, config-apply,"
                + " configure-state-sync, config-validate, mark-ready"),
        Arguments.of(
            "validator observer without keys",
            node(validator(null)),
            K8S_INIT
                + ", configure-genesis, config-apply, configure-state-sync, config-validate,"
                + " mark-ready"),
        Arguments.of(
            "bootstrap",
            node(fullNode(bootstrap(IMAGE_V1, 99))),
            "ensure-data-pvc, apply-rbac-proxy-config, deploy-bootstrap-service,"
                + " deploy-bootstrap-job, "
                + SNAPSHOT_PROGRESSION
                + ", await-bootstrap-complete, teardown-bootstrap, apply-statefulset,"
                + " apply-service, configure-genesis, config-apply, config-validate, mark-ready"),
        Arguments.of(
            "bootstrap with peers and keys",
            node(bootstrapValidator().withPeers(staticPeers("id@h:26656"))),
            "ensure-data-pvc, apply-rbac-proxy-config, validate-signing-key, validate-node-key,"
                + " deploy-bootstrap-service, deploy-bootstrap-job, "
                + SNAPSHOT_PROGRESSION
                + ", await-bootstrap-complete, teardown-bootstrap, apply-statefulset,"
                + " apply-service, configure-genesis, config-apply,"
                + " config-validate, mark-ready"),
        Arguments.of(
            "s3 full node restoring the latest snapshot",
            node(fullNode(s3(0))),
            K8S_INIT + ", " + SNAPSHOT_PROGRESSION));
  }

  /** Running nodes with drift and the node-update plan each gets. */
  public static Stream<Arguments> updateShapes() {
    return Stream.of(
        Arguments.of(
            "image drift",
            running(fullNode(null).withImage(IMAGE_V2), IMAGE_V1, null),
            "apply-rbac-proxy-config, apply-statefulset, apply-service, replace-pod, mark-ready,"
                + " observe-image"),
        Arguments.of(
            "signing-key drift",
            running(validator("val-key"), IMAGE_V1, null),
            "validate-signing-key, validate-node-key, apply-rbac-proxy-config, apply-statefulset,"
                + " apply-service, replace-pod, mark-ready, observe-signing-key"),
        Arguments.of(
            "image and signing-key co-drift",
            running(validator("val-key").withImage(IMAGE_V2), IMAGE_V1, null),
            "validate-signing-key, validate-node-key, apply-rbac-proxy-config, apply-statefulset,"
                + " apply-service, replace-pod, mark-ready, observe-image, observe-signing-key"));
  }

  static SeiNodeSpec bootstrapValidator() {
    SeiNodeSpec spec = validator("val-key");
    spec.getValidator().setSnapshot(bootstrap(IMAGE_V1, 99));
    return spec;
  }

  /** The plan's task types joined with ", ". */
  public static String order(TaskPlan plan) {
    return plan.getTasks().stream().map(PlannedTask::getType).collect(Collectors.joining(", "));
  }
}
