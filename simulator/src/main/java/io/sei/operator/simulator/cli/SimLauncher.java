package io.sei.operator.simulator.cli;

import io.sei.operator.simulator.proc.ExitCodes;
import io.sei.operator.simulator.proc.SimContext;
import io.sei.operator.simulator.proc.SimProcess;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command line into a {@link SimProcess} without running it: the entry point of {@link
 * Main} and of the simulated kubelet, which passes a container's args with its own {@link
 * SimContext}. Help and usage errors are printed at once and give a process that has already exited
 * (0 for help, {@link ExitCodes#USAGE} for errors).
 */
public final class SimLauncher {

  @Command(
      name = "sei-sim",
      description = "Simulated Sei chain, seid and sidecar.",
      subcommands = {
        ChainCommand.class,
        SeidCommand.class,
        SidecarCommand.class,
        ServeCommand.class,
        ClusterCommand.class,
        RehearseCommand.class
      })
  static final class Root {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help.")
    boolean help;
  }

  private SimLauncher() {}

  public static SimProcess create(List<String> args, SimContext context) {
    CommandLine commandLine = new CommandLine(new Root());
    PrintWriter out = new PrintWriter(context.out(), true);
    PrintWriter err = new PrintWriter(context.err(), true);
    commandLine.setOut(out);
    commandLine.setErr(err);
    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      return usageError(e.getCommandLine(), e.getMessage(), err);
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return SimProcess.exited(ExitCodes.OK);
    }
    List<CommandLine> chain = parsed.asCommandLineList();
    CommandLine leaf = chain.get(chain.size() - 1);
    if (!(leaf.getCommand() instanceof RoleCommand role)) {
      return usageError(leaf, "Missing subcommand", err);
    }
    try {
      return role.create(context);
    } catch (IllegalArgumentException e) {
      return usageError(leaf, e.getMessage(), err);
    }
  }

  private static SimProcess usageError(CommandLine command, String message, PrintWriter err) {
    err.println(message);
    command.usage(err);
    return SimProcess.exited(ExitCodes.USAGE);
  }
}
