package io.sei.operator.simulator.proc;

import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.net.SimNet;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.util.Map;

/**
 * What a simulated process gets from whoever runs it: its environment, its two output streams, the
 * address hook and an HTTP client. The command line runs one process per JVM with {@link
 * #system()}; the simulated kubelet builds one per container, sharing one {@link HttpClient}.
 */
public record SimContext(
    Map<String, String> env,
    PrintStream out,
    PrintStream err,
    SimNet net,
    HttpClient client,
    SimFs fs) {

  public SimContext {
    env = Map.copyOf(env);
  }

  /** A context that reads the host's files as they are named. */
  public SimContext(
      Map<String, String> env, PrintStream out, PrintStream err, SimNet net, HttpClient client) {
    this(env, out, err, net, client, SimFs.IDENTITY);
  }

  /** The JVM's own environment and streams, identity addresses. */
  public static SimContext system() {
    return new SimContext(
        System.getenv(), System.out, System.err, SimNet.IDENTITY, SimHttp.newClient());
  }

  public String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  public SimHttp http() {
    return new SimHttp(client, net);
  }

  /** Prints one progress line to stdout. */
  public void log(String line) {
    out.println(line);
    out.flush();
  }

  /** Prints a fatal line to stdout (for scripts reading one stream) and stderr. */
  public void fatal(String line) {
    log(line);
    err.println(line);
    err.flush();
  }
}
