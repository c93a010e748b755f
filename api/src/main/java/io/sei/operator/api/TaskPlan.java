package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** An ordered list of tasks, persisted so it survives operator restarts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskPlan {

  @JsonPropertyDescription("Plan id.")
  private String id;

  @JsonPropertyDescription("Active, Complete or Failed.")
  private PlanPhase phase;

  @JsonPropertyDescription("Tasks in order.")
  private List<PlannedTask> tasks;

  @JsonPropertyDescription("Phase the owner enters when the plan completes.")
  private String targetPhase;

  @JsonPropertyDescription("Phase the owner enters when the plan fails; empty keeps it.")
  private String failedPhase;

  @JsonPropertyDescription("Index of the task that failed the plan.")
  private Integer failedTaskIndex;

  @JsonPropertyDescription("Why that task failed.")
  private String failedTaskDetail;

  @JsonPropertyDescription("When the plan started (RFC 3339).")
  private String startedAt;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public TaskPlan withId(String id) {
    this.id = id;
    return this;
  }

  public PlanPhase getPhase() {
    return phase;
  }

  public void setPhase(PlanPhase phase) {
    this.phase = phase;
  }

  public TaskPlan withPhase(PlanPhase phase) {
    this.phase = phase;
    return this;
  }

  public List<PlannedTask> getTasks() {
    return tasks;
  }

  public void setTasks(List<PlannedTask> tasks) {
    this.tasks = tasks;
  }

  public TaskPlan withTasks(List<PlannedTask> tasks) {
    this.tasks = tasks;
    return this;
  }

  public String getTargetPhase() {
    return targetPhase;
  }

  public void setTargetPhase(String targetPhase) {
    this.targetPhase = targetPhase;
  }

  public TaskPlan withTargetPhase(String targetPhase) {
    this.targetPhase = targetPhase;
    return this;
  }

  public String getFailedPhase() {
    return failedPhase;
  }

  public void setFailedPhase(String failedPhase) {
    this.failedPhase = failedPhase;
  }

  public TaskPlan withFailedPhase(String failedPhase) {
    this.failedPhase = failedPhase;
    return this;
  }

  public Integer getFailedTaskIndex() {
    return failedTaskIndex;
  }

  public void setFailedTaskIndex(Integer failedTaskIndex) {
    this.failedTaskIndex = failedTaskIndex;
  }

  public TaskPlan withFailedTaskIndex(Integer failedTaskIndex) {
    this.failedTaskIndex = failedTaskIndex;
    return this;
  }

  public String getFailedTaskDetail() {
    return failedTaskDetail;
  }

  public void setFailedTaskDetail(String failedTaskDetail) {
    this.failedTaskDetail = failedTaskDetail;
  }

  public TaskPlan withFailedTaskDetail(String failedTaskDetail) {
    this.failedTaskDetail = failedTaskDetail;
    return this;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public TaskPlan withStartedAt(String startedAt) {
    this.startedAt = startedAt;
    return this;
  }
}
