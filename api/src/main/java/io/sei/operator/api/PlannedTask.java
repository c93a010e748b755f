package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/** One step of a plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlannedTask {

  @JsonPropertyDescription("Task type, e.g. config-apply.")
  private String type;

  @JsonPropertyDescription("Deterministic id: UUIDv5 of planId/type/index.")
  private String id;

  @JsonPropertyDescription("Pending, Running, Complete or Failed.")
  private TaskStatus status;

  @JsonPropertyDescription("Task parameters.")
  @PreserveUnknownFields
  private JsonNode params;

  @JsonPropertyDescription("When the task was first started (RFC 3339).")
  private String submittedAt;

  @JsonPropertyDescription("When the task finished (RFC 3339).")
  private String completedAt;

  @JsonPropertyDescription("Earliest time of the next retry (RFC 3339).")
  private String nextAttemptAt;

  @JsonPropertyDescription("Last error.")
  private String error;

  @JsonPropertyDescription("Retries used.")
  private Integer retryCount;

  @JsonPropertyDescription("Retry budget.")
  private Integer maxRetries;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public PlannedTask withType(String type) {
    this.type = type;
    return this;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public PlannedTask withId(String id) {
    this.id = id;
    return this;
  }

  public TaskStatus getStatus() {
    return status;
  }

  public void setStatus(TaskStatus status) {
    this.status = status;
  }

  public PlannedTask withStatus(TaskStatus status) {
    this.status = status;
    return this;
  }

  public JsonNode getParams() {
    return params;
  }

  public void setParams(JsonNode params) {
    this.params = params;
  }

  public PlannedTask withParams(JsonNode params) {
    this.params = params;
    return this;
  }

  public String getSubmittedAt() {
    return submittedAt;
  }

  public void setSubmittedAt(String submittedAt) {
    this.submittedAt = submittedAt;
  }

  public PlannedTask withSubmittedAt(String submittedAt) {
    this.submittedAt = submittedAt;
    return this;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public PlannedTask withCompletedAt(String completedAt) {
    this.completedAt = completedAt;
    return this;
  }

  public String getNextAttemptAt() {
    return nextAttemptAt;
  }

  public void setNextAttemptAt(String nextAttemptAt) {
    this.nextAttemptAt = nextAttemptAt;
  }

  public PlannedTask withNextAttemptAt(String nextAttemptAt) {
    this.nextAttemptAt = nextAttemptAt;
    return this;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }

  public PlannedTask withError(String error) {
    this.error = error;
    return this;
  }

  public Integer getRetryCount() {
    return retryCount;
  }

  public void setRetryCount(Integer retryCount) {
    this.retryCount = retryCount;
  }

  public PlannedTask withRetryCount(Integer retryCount) {
    this.retryCount = retryCount;
    return this;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public PlannedTask withMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
    return this;
  }
}
