package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The sidecar that configures seid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SidecarSpec {

  @JsonPropertyDescription("Sidecar image; the platform default when empty.")
  @Size(max = 512)
  private String image;

  @JsonPropertyDescription("Loopback port of the sidecar API.")
  @Default("7777")
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription("Sidecar container resources.")
  private ResourceRequirements resources;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public SidecarSpec withImage(String image) {
    this.image = image;
    return this;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public SidecarSpec withPort(Integer port) {
    this.port = port;
    return this;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public SidecarSpec withResources(ResourceRequirements resources) {
    this.resources = resources;
    return this;
  }
}
