package io.sei.operator.simulator.faults;

/** Every fault the simulator can inject; the JSON shape of the faults file. */
public record Faults(SeidFaults seid, SidecarFaults sidecar) {

  public static final Faults NONE = new Faults(SeidFaults.NONE, SidecarFaults.NONE);

  public Faults {
    seid = seid == null ? SeidFaults.NONE : seid;
    sidecar = sidecar == null ? SidecarFaults.NONE : sidecar;
  }

  /** This, with every field set in {@code over} replaced. */
  public Faults with(Faults over) {
    return new Faults(seid.with(over.seid), sidecar.with(over.sidecar));
  }
}
