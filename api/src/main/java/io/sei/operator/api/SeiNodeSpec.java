package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** Desired state of one Sei node. */
@ValidationRule(
    value = "[has(self.fullNode), has(self.archive), has(self.validator)].filter(m, m).size() == 1",
    message = "exactly one of fullNode, archive or validator must be set")
@ValidationRule(
    value =
        "!has(oldSelf.validator) || !has(oldSelf.validator.signingKey) || (has(self.validator) && has(self.validator.signingKey) && self.validator.signingKey.secret.secretName == oldSelf.validator.signingKey.secret.secretName)",
    message = "validator.signingKey.secret.secretName is immutable once set")
@ValidationRule(
    value =
        "!has(oldSelf.validator) || !has(oldSelf.validator.nodeKey) || (has(self.validator) && has(self.validator.nodeKey) && self.validator.nodeKey.secret.secretName == oldSelf.validator.nodeKey.secret.secretName)",
    message = "validator.nodeKey.secret.secretName is immutable once set")
@ValidationRule(
    value =
        "!has(oldSelf.dataVolume) || !has(oldSelf.dataVolume.__import__) || (has(self.dataVolume) && has(self.dataVolume.__import__) && self.dataVolume.__import__.pvcName == oldSelf.dataVolume.__import__.pvcName)",
    message = "dataVolume.import.pvcName is immutable once set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SeiNodeSpec {

  @JsonPropertyDescription("Chain id, e.g. pacific-1.")
  @Required
  @Size(max = 64)
  @Pattern("^[a-z0-9][a-z0-9-]*$")
  private String chainId;

  @JsonPropertyDescription("seid container image.")
  @Required
  @Size(min = 1, max = 512)
  private String image;

  @JsonPropertyDescription("Where the node finds its peers.")
  @Size(max = 16)
  private List<PeerSource> peers;

  @JsonPropertyDescription(
      "seid config overrides (dotted sei-config key to value). A validator gets"
          + " consensus.double_sign_check_height=10 unless set here: seid then refuses to sign"
          + " while its key signed one of the last 10 blocks elsewhere.")
  @Size(max = 64)
  private Map<String, String> overrides;

  @JsonPropertyDescription("The sidecar next to seid.")
  private SidecarSpec sidecar;

  @JsonPropertyDescription("Extra labels on the node's pods.")
  @Size(max = 32)
  private Map<String, String> podLabels;

  @JsonPropertyDescription("Where the node's data lives.")
  private DataVolumeSpec dataVolume;

  @JsonPropertyDescription("Run as a full node.")
  private FullNodeSpec fullNode;

  @JsonPropertyDescription("Run as an archive node.")
  private ArchiveSpec archive;

  @JsonPropertyDescription("Run as a validator.")
  private ValidatorSpec validator;

  public String getChainId() {
    return chainId;
  }

  public void setChainId(String chainId) {
    this.chainId = chainId;
  }

  public SeiNodeSpec withChainId(String chainId) {
    this.chainId = chainId;
    return this;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public SeiNodeSpec withImage(String image) {
    this.image = image;
    return this;
  }

  public List<PeerSource> getPeers() {
    return peers;
  }

  public void setPeers(List<PeerSource> peers) {
    this.peers = peers;
  }

  public SeiNodeSpec withPeers(List<PeerSource> peers) {
    this.peers = peers;
    return this;
  }

  public Map<String, String> getOverrides() {
    return overrides;
  }

  public void setOverrides(Map<String, String> overrides) {
    this.overrides = overrides;
  }

  public SeiNodeSpec withOverrides(Map<String, String> overrides) {
    this.overrides = overrides;
    return this;
  }

  public SidecarSpec getSidecar() {
    return sidecar;
  }

  public void setSidecar(SidecarSpec sidecar) {
    this.sidecar = sidecar;
  }

  public SeiNodeSpec withSidecar(SidecarSpec sidecar) {
    this.sidecar = sidecar;
    return this;
  }

  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  public void setPodLabels(Map<String, String> podLabels) {
    this.podLabels = podLabels;
  }

  public SeiNodeSpec withPodLabels(Map<String, String> podLabels) {
    this.podLabels = podLabels;
    return this;
  }

  public DataVolumeSpec getDataVolume() {
    return dataVolume;
  }

  public void setDataVolume(DataVolumeSpec dataVolume) {
    this.dataVolume = dataVolume;
  }

  public SeiNodeSpec withDataVolume(DataVolumeSpec dataVolume) {
    this.dataVolume = dataVolume;
    return this;
  }

  public FullNodeSpec getFullNode() {
    return fullNode;
  }

  public void setFullNode(FullNodeSpec fullNode) {
    this.fullNode = fullNode;
  }

  public SeiNodeSpec withFullNode(FullNodeSpec fullNode) {
    this.fullNode = fullNode;
    return this;
  }

  public ArchiveSpec getArchive() {
    return archive;
  }

  public void setArchive(ArchiveSpec archive) {
    this.archive = archive;
  }

  public SeiNodeSpec withArchive(ArchiveSpec archive) {
    this.archive = archive;
    return this;
  }

  public ValidatorSpec getValidator() {
    return validator;
  }

  public void setValidator(ValidatorSpec validator) {
    this.validator = validator;
  }

  public SeiNodeSpec withValidator(ValidatorSpec validator) {
    this.validator = validator;
    return this;
  }
}
