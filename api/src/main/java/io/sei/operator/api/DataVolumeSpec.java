package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the node's data lives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataVolumeSpec {

  @JsonProperty("import")
  @JsonPropertyDescription("Use an existing PVC instead of creating one.")
  private ImportSpec dataImport;

  public ImportSpec getDataImport() {
    return dataImport;
  }

  public void setDataImport(ImportSpec dataImport) {
    this.dataImport = dataImport;
  }

  public DataVolumeSpec withDataImport(ImportSpec dataImport) {
    this.dataImport = dataImport;
    return this;
  }
}
