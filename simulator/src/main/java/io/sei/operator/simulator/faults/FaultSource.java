package io.sei.operator.simulator.faults;

import io.sei.operator.simulator.net.Json;
import io.sei.operator.simulator.proc.SimContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The faults in force for one process, layered: command-line flags, then the inline JSON of env
 * {@value #INLINE_ENV}, then the faults file — env {@value #FILE_ENV}, else {@code
 * <home>/sim-faults.json} — which is re-read on every call, so a harness can change faults live.
 */
public final class FaultSource {

  public static final String INLINE_ENV = "SEI_SIM_FAULTS";
  public static final String FILE_ENV = "SEI_SIM_FAULTS_FILE";
  public static final String FILE_NAME = "sim-faults.json";

  private final Faults fixed;
  private final Path file;
  private final SimContext context;
  private byte[] lastBad;

  public FaultSource(Faults flags, Path home, SimContext context) {
    this.context = context;
    String inline = context.env(INLINE_ENV);
    this.fixed = inline == null ? flags : flags.with(parse(inline.getBytes(), INLINE_ENV));
    String fileEnv = context.env(FILE_ENV);
    this.file = fileEnv != null ? context.fs().path(fileEnv) : home.resolve(FILE_NAME);
  }

  /** The faults in force now. A malformed file is reported once and ignored. */
  public synchronized Faults current() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException missingOrUnreadable) {
      return fixed;
    }
    try {
      Faults fromFile = Json.convert(Json.parse(content), Faults.class);
      lastBad = null;
      return fromFile == null ? fixed : fixed.with(fromFile);
    } catch (IOException | IllegalArgumentException e) {
      if (!Arrays.equals(content, lastBad)) {
        lastBad = content;
        context.fatal("WARN faults file " + file + " ignored: " + e.getMessage());
      }
      return fixed;
    }
  }

  private Faults parse(byte[] json, String origin) {
    try {
      Faults parsed = Json.convert(Json.parse(json), Faults.class);
      return parsed == null ? Faults.NONE : parsed;
    } catch (IOException e) {
      throw new IllegalArgumentException(origin + " is not valid faults JSON: " + e.getMessage());
    }
  }
}
