package io.sei.operator.simulator.rehearse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongSupplier;

/** The rehearsal's live progress: one line per change on stdout, stamped with the elapsed time. */
final class Progress {
  private final PrintStream out;
  private final LongSupplier elapsedMillis;

  Progress(PrintStream out, LongSupplier elapsedMillis) {
    this.out = out;
    this.elapsedMillis = elapsedMillis;
  }

  synchronized void line(String text) {
    out.println(
        String.format(Locale.ROOT, "[%6.1fs] %s", elapsedMillis.getAsLong() / 1000.0, text));
    out.flush();
  }

  /** A stream whose every line becomes a progress line prefixed with {@code prefix}. */
  PrintStream prefixed(String prefix) {
    return new PrintStream(
        new OutputStream() {
          private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

          @Override
          public synchronized void write(int b) {
            if (b == '\n') {
              line(prefix + pending.toString(StandardCharsets.UTF_8));
              pending.reset();
            } else {
              pending.write(b);
            }
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
