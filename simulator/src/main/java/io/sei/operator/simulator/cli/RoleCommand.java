package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;

/** A parsed leaf command that builds the process it stands for. */
interface RoleCommand {

  /** The process; an {@link IllegalArgumentException} is a usage error. */
  SimProcess create(SimContext context);
}
