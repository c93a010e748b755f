package io.sei.operator.simulator.faults;

import java.util.List;

/**
 * Faults of the simulated sidecar; a null field is "not set".
 *
 * @param failTaskTypes tasks of these types fail
 * @param hangTaskTypes tasks of these types stay running while the fault is set
 * @param http5xxCount the next N task-API requests answer 503
 */
public record SidecarFaults(
    List<String> failTaskTypes, List<String> hangTaskTypes, Integer http5xxCount) {

  public static final SidecarFaults NONE = new SidecarFaults(null, null, null);

  /** This, with every field set in {@code over} replaced. */
  public SidecarFaults with(SidecarFaults over) {
    if (over == null) {
      return this;
    }
    return new SidecarFaults(
        SeidFaults.pick(over.failTaskTypes, failTaskTypes),
        SeidFaults.pick(over.hangTaskTypes, hangTaskTypes),
        SeidFaults.pick(over.http5xxCount, http5xxCount));
  }

  public boolean fails(String taskType) {
    return failTaskTypes != null && failTaskTypes.contains(taskType);
  }

  public boolean hangs(String taskType) {
    return hangTaskTypes != null && hangTaskTypes.contains(taskType);
  }

  public int http5xx() {
    return http5xxCount == null ? 0 : http5xxCount;
  }
}
