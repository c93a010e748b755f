package io.sei.operator.task;

import io.fabric8.kubernetes.api.model.Pod;
import io.sei.operator.api.Conditions;
import io.sei.operator.planner.task.ObserveSigningKeyParams;
import io.sei.operator.render.NodePod;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code observe-signing-key}: once the rollout is complete and the pod mounts the Secret's key at
 * {@code /sei/config/priv_validator_key.json}, stamps {@code status.signingKeyMountedSecret} and
 * sets {@code SigningKeyReady=True} once seid there is ready; a seid that cannot run fails the
 * update ({@link UpdateProgress}).
 */
final class ObserveSigningKey implements TaskExecution<ObserveSigningKeyParams> {
  private static final String MOUNT_PATH = NodePod.HOME + "/config/" + ValidateSigningKey.FILE;

  @Override
  public Progress run(TaskContext context, ObserveSigningKeyParams params) {
    Optional<Pod> pod = NodePods.rolledOut(context).filter(p -> mounts(p, params.secretName()));
    Progress progress =
        UpdateProgress.awaitSeid(context, pod, "the pod to mount Secret " + params.secretName());
    if (!(progress instanceof Progress.Done)) {
      return progress;
    }
    context.status().setSigningKeyMountedSecret(params.secretName());
    context.condition(
        Conditions.SIGNING_KEY_READY,
        Conditions.TRUE,
        Conditions.REASON_SIGNING_KEY_VALIDATED,
        "Secret " + params.secretName() + " is mounted at " + MOUNT_PATH);
    return Progress.done();
  }

  private static boolean mounts(Pod pod, String secretName) {
    return pod.getSpec().getVolumes().stream()
        .filter(v -> v.getSecret() != null && secretName.equals(v.getSecret().getSecretName()))
        .anyMatch(
            v ->
                pod.getSpec().getContainers().stream()
                    .filter(c -> NodePod.SEID_CONTAINER.equals(c.getName()))
                    .flatMap(c -> c.getVolumeMounts().stream())
                    .anyMatch(
                        m ->
                            Objects.equals(m.getName(), v.getName())
                                && MOUNT_PATH.equals(m.getMountPath())));
  }
}
