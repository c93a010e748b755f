package io.sei.operator.simulator.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a pod's volumes into host paths: a bound PVC is its PV's directory (it outlives the pod),
 * {@code emptyDir} a fresh directory, Secrets and ConfigMaps files written with their {@code items}
 * and modes, projected ServiceAccount tokens minted through TokenRequest.
 */
final class PodVolumes {
  /** A volume whose source is not there yet (PVC not bound, Secret missing): retry later. */
  static final class NotReady extends Exception {
    NotReady(String message) {
      super(message);
    }
  }

  private final KubernetesClient client;

  PodVolumes(KubernetesClient client) {
    this.client = client;
  }

  /** Host path of every volume of {@code pod}, prepared under {@code podDir}. */
  Map<String, Path> prepare(Pod pod, Path podDir) throws NotReady {
    Map<String, Path> out = new LinkedHashMap<>();
    String ns = pod.getMetadata().getNamespace();
    for (Volume v : pod.getSpec().getVolumes()) {
      Path dir = podDir.resolve("volumes").resolve(v.getName());
      if (v.getPersistentVolumeClaim() != null) {
        out.put(v.getName(), pvcDirectory(ns, v.getPersistentVolumeClaim().getClaimName()));
      } else if (v.getHostPath() != null) {
        out.put(v.getName(), Path.of(v.getHostPath().getPath()));
      } else if (v.getEmptyDir() != null) {
        out.put(v.getName(), mkdirs(dir));
      } else if (v.getSecret() != null) {
        writeSecret(
            ns,
            v.getSecret().getSecretName(),
            v.getSecret().getItems(),
            v.getSecret().getDefaultMode(),
            Boolean.TRUE.equals(v.getSecret().getOptional()),
            dir);
        out.put(v.getName(), dir);
      } else if (v.getConfigMap() != null) {
        writeConfigMap(
            ns,
            v.getConfigMap().getName(),
            v.getConfigMap().getItems(),
            v.getConfigMap().getDefaultMode(),
            Boolean.TRUE.equals(v.getConfigMap().getOptional()),
            dir);
        out.put(v.getName(), dir);
      } else if (v.getProjected() != null) {
        mkdirs(dir);
        for (VolumeProjection src : v.getProjected().getSources()) {
          project(pod, src, v.getProjected().getDefaultMode(), dir);
        }
        out.put(v.getName(), dir);
      } else {
        throw new IllegalArgumentException(
            "volume "
                + v.getName()
                + ": only persistentVolumeClaim, emptyDir, hostPath, secret,"
                + " configMap and projected volumes are simulated");
      }
    }
    return out;
  }

  /** The mounts of one container over the prepared volumes ({@code subPath} included). */
  static MountTable mounts(Container c, Map<String, Path> volumes, Path scratchRoot) {
    List<MountTable.Mount> mounts = new ArrayList<>();
    for (VolumeMount m : c.getVolumeMounts()) {
      Path host = volumes.get(m.getName());
      if (host == null) {
        throw new IllegalArgumentException(
            "container " + c.getName() + " mounts unknown volume " + m.getName());
      }
      if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
        host = host.resolve(m.getSubPath());
      }
      mounts.add(
          new MountTable.Mount(m.getMountPath(), host, Boolean.TRUE.equals(m.getReadOnly())));
    }
    return new MountTable(mounts, scratchRoot);
  }

  private Path pvcDirectory(String ns, String claim) throws NotReady {
    PersistentVolumeClaim pvc =
        client.persistentVolumeClaims().inNamespace(ns).withName(claim).get();
    if (pvc == null) {
      throw new NotReady("persistentvolumeclaim \"" + claim + "\" not found");
    }
    if (pvc.getStatus() == null || !"Bound".equals(pvc.getStatus().getPhase())) {
      throw new NotReady("persistentvolumeclaim \"" + claim + "\" is not bound yet");
    }
    PersistentVolume pv = client.persistentVolumes().withName(pvc.getSpec().getVolumeName()).get();
    if (pv == null || pv.getSpec().getHostPath() == null) {
      throw new NotReady("volume of claim \"" + claim + "\" has no host path");
    }
    return mkdirs(Path.of(pv.getSpec().getHostPath().getPath()));
  }

  private void writeSecret(
      String ns, String name, List<KeyToPath> items, Integer mode, boolean optional, Path dir)
      throws NotReady {
    Secret s = client.secrets().inNamespace(ns).withName(name).get();
    if (s == null && !optional) {
      throw new NotReady("secret \"" + name + "\" not found");
    }
    Map<String, byte[]> data = new HashMap<>();
    if (s != null && s.getData() != null) {
      s.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    if (s != null && s.getStringData() != null) {
      s.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    writeFiles("secret " + name, data, items, mode == null ? 0644 : mode, dir);
  }

  private void writeConfigMap(
      String ns, String name, List<KeyToPath> items, Integer mode, boolean optional, Path dir)
      throws NotReady {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
    if (cm == null && !optional) {
      throw new NotReady("configmap \"" + name + "\" not found");
    }
    Map<String, byte[]> data = new HashMap<>();
    if (cm != null && cm.getData() != null) {
      cm.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (cm != null && cm.getBinaryData() != null) {
      cm.getBinaryData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    writeFiles("configmap " + name, data, items, mode == null ? 0644 : mode, dir);
  }

  private void project(Pod pod, VolumeProjection src, Integer mode, Path dir) throws NotReady {
    String ns = pod.getMetadata().getNamespace();
    if (src.getServiceAccountToken() != null) {
      ServiceAccountTokenProjection t = src.getServiceAccountToken();
      String sa =
          pod.getSpec().getServiceAccountName() == null
              ? "default"
              : pod.getSpec().getServiceAccountName();
      var request =
          new TokenRequestBuilder()
              .withNewSpec()
              .withAudiences(t.getAudience() == null ? List.of() : List.of(t.getAudience()))
              .withExpirationSeconds(
                  t.getExpirationSeconds() == null ? 3600L : t.getExpirationSeconds())
              .withNewBoundObjectRef()
              .withApiVersion("v1")
              .withKind("Pod")
              .withName(pod.getMetadata().getName())
              .withUid(pod.getMetadata().getUid())
              .endBoundObjectRef()
              .endSpec()
              .build();
      String token =
          client
              .serviceAccounts()
              .inNamespace(ns)
              .withName(sa)
              .tokenRequest(request)
              .getStatus()
              .getToken();
      write(
          dir.resolve(t.getPath()),
          token.getBytes(StandardCharsets.UTF_8),
          mode == null ? 0644 : mode);
    } else if (src.getSecret() != null) {
      writeSecret(
          ns,
          src.getSecret().getName(),
          src.getSecret().getItems(),
          mode,
          Boolean.TRUE.equals(src.getSecret().getOptional()),
          dir);
    } else if (src.getConfigMap() != null) {
      writeConfigMap(
          ns,
          src.getConfigMap().getName(),
          src.getConfigMap().getItems(),
          mode,
          Boolean.TRUE.equals(src.getConfigMap().getOptional()),
          dir);
    }
    // downwardAPI and clusterTrustBundle sources are not simulated: they write nothing.
  }

  private static void writeFiles(
      String what, Map<String, byte[]> data, List<KeyToPath> items, int defaultMode, Path dir)
      throws NotReady {
    mkdirs(dir);
    if (items == null || items.isEmpty()) {
      for (Map.Entry<String, byte[]> e : data.entrySet()) {
        write(dir.resolve(e.getKey()), e.getValue(), defaultMode);
      }
      return;
    }
    for (KeyToPath item : items) {
      byte[] value = data.get(item.getKey());
      if (value == null) {
        throw new NotReady(what + " has no key \"" + item.getKey() + "\"");
      }
      write(
          dir.resolve(item.getPath()),
          value,
          item.getMode() == null ? defaultMode : item.getMode());
    }
  }

  private static void write(Path file, byte[] content, int mode) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.write(file, content);
      Files.setPosixFilePermissions(file, permissions(mode));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        out.add(order[bit]);
      }
    }
    return out;
  }

  private static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
