package io.sei.operator.planner.task;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One fully populated params record per task type. */
final class SampleParams {
  private SampleParams() {}

  static Stream<TaskParams> all() {
    List<String> nodes = List.of("rpc-g2-0", "rpc-g2-1");
    return Stream.of(
        new EnsureDataPvcParams("imported"),
        new ValidateSigningKeyParams("val-key"),
        new ValidateNodeKeyParams("node-key"),
        new ApplyRbacProxyConfigParams(),
        new ApplyStatefulsetParams("sei:v2"),
        new ApplyServiceParams(),
        new ReplacePodParams(),
        new ObserveImageParams("sei:v2"),
        new ObserveSigningKeyParams("val-key"),
        new DeployBootstrapServiceParams(),
        new DeployBootstrapJobParams("sei:v1", 99),
        new AwaitBootstrapCompleteParams("v2", 100),
        new TeardownBootstrapParams(),
        new SnapshotRestoreParams(99),
        new ConfigureGenesisParams(),
        new ConfigApplyParams(
            NodeMode.ARCHIVE,
            Map.of("network.p2p.max_connections", "40"),
            List.of("id@host:26656"),
            List.of(new ConfigApplyParams.PeerSelector(Map.of("role", "rpc"), "chain"))),
        new ConfigureStateSyncParams("168h", 10, true),
        new ConfigValidateParams(),
        new MarkReadyParams(),
        new CreateEntrantNodesParams(
            "rpc",
            "chain",
            "abc",
            nodes,
            new CreateEntrantNodesParams.HardFork("sei:v1", 100, "v2"),
            true),
        new AwaitNodesRunningParams("rpc", "chain", 2, nodes),
        new AwaitNodesCaughtUpParams("rpc", "chain", nodes),
        new SwitchTrafficParams("rpc", "chain", "abc"),
        new TeardownNodesParams("chain", nodes),
        new HandOverValidatorKeysParams("val", "chain", List.of("val-g2-0"), List.of("val-g1-0")),
        new UpdateNodeSpecsParams("rpc", "chain", "abc", nodes),
        new AwaitNodesUpdatedParams("rpc", "chain", "sei:v2", nodes));
  }
}
