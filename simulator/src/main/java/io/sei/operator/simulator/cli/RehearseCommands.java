package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import io.sei.operator.simulator.rehearse.Rehearsal;
import java.util.function.Supplier;

/** Bad rehearsal input is one line on stderr and exit 2, without the usage text. */
final class RehearseCommands {
  private RehearseCommands() {}

  static SimProcess validated(SimContext context, Supplier<Rehearsal> rehearsal) {
    try {
      return rehearsal.get();
    } catch (IllegalArgumentException e) {
      context.err().println("rehearse: " + e.getMessage());
      context.err().flush();
      return SimProcess.exited(Rehearsal.BAD_INPUT);
    }
  }
}
