package io.sei.operator.render;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.sei.operator.api.Labels;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Service {@code <snd>} in front of a SeiNodeDeployment's production pods (seid RPC and P2P).
 * For BlueGreen and HardFork it selects one revision — the serving one, switched to the entrants by
 * {@code switch-traffic} before the incumbents are torn down; an InPlace group selects all its
 * pods.
 */
public final class GroupService {
  private GroupService() {}

  public static Service render(SeiNodeDeployment snd, String servingRevision) {
    Map<String, String> selector = new TreeMap<>();
    selector.put(Labels.DEPLOYMENT, snd.getMetadata().getName());
    selector.put(Labels.ROLE, PodRole.PRODUCTION.label());
    if (selectsRevision(snd)) {
      selector.put(Labels.REVISION, servingRevision);
    }
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(snd.getMetadata().getName())
        .withNamespace(snd.getMetadata().getNamespace())
        .withLabels(
            Map.of(
                Labels.MANAGED_BY,
                Labels.MANAGED_BY_VALUE,
                Labels.DEPLOYMENT,
                snd.getMetadata().getName()))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(snd.getApiVersion())
                .withKind(snd.getKind())
                .withName(snd.getMetadata().getName())
                .withUid(snd.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .endMetadata()
        .withNewSpec()
        .withSelector(selector)
        .addNewPort()
        .withName(NodePod.RPC_PORT_NAME)
        .withPort(Ports.SEID_RPC)
        .withNewTargetPort(NodePod.RPC_PORT_NAME)
        .withProtocol("TCP")
        .endPort()
        .addNewPort()
        .withName(NodePod.P2P_PORT_NAME)
        .withPort(Ports.SEID_P2P)
        .withNewTargetPort(NodePod.P2P_PORT_NAME)
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  /** True unless the group updates its nodes in place (InPlace, also when no strategy is set). */
  public static boolean selectsRevision(SeiNodeDeployment snd) {
    UpdateStrategyType type =
        Optional.ofNullable(snd.getSpec().getUpdateStrategy())
            .map(UpdateStrategy::getType)
            .orElse(UpdateStrategyType.InPlace);
    return type != UpdateStrategyType.InPlace;
  }
}
