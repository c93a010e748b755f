package io.sei.operator.simulator.rehearse;

import io.sei.operator.simulator.rehearse.Report.Crash;
import io.sei.operator.simulator.rehearse.Report.DoubleSign;
import io.sei.operator.simulator.rehearse.Report.Event;
import io.sei.operator.simulator.rehearse.Report.Expectation;
import io.sei.operator.simulator.rehearse.Report.Interval;
import io.sei.operator.simulator.rehearse.Report.NodeTimeline;
import io.sei.operator.simulator.rehearse.Report.PlanDurations;
import io.sei.operator.simulator.rehearse.Report.Point;
import io.sei.operator.simulator.rehearse.Report.ServiceDowntime;
import io.sei.operator.simulator.rehearse.Report.Signing;
import io.sei.operator.simulator.rehearse.Report.TaskDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The report as one self-contained HTML page: tables and inline SVG charts (heights over time,
 * readiness strips), no scripts, no network.
 */
final class ReportHtml {
  private static final String[] PALETTE = {
    "#2563eb", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#db2777", "#65a30d", "#7c3aed"
  };
  private static final int WIDTH = 980;
  private static final int LEFT = 70;
  private static final int RIGHT = 200;
  private static final int PLOT = WIDTH - LEFT - RIGHT;

  private final Report report;
  private final StringBuilder html = new StringBuilder();
  private final long t0;
  private final long t1;

  private ReportHtml(Report report) {
    this.report = report;
    this.t0 = report.chain().heights().isEmpty() ? 0 : report.chain().heights().get(0).t();
    this.t1 = Math.max(t0 + 1, report.durationMs());
  }

  static String render(Report report) {
    return new ReportHtml(report).page();
  }

  private String page() {
    String verdict = report.outcome().toUpperCase(Locale.ROOT);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Rehearsal ")
        .append(esc(report.scenario()))
        .append(": ")
        .append(verdict)
        .append("</title><style>")
        .append(
            "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#111}"
                + "table{border-collapse:collapse;margin:8px 0 16px}"
                + "td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}"
                + "th{background:#f3f4f6}.ok{color:#15803d;font-weight:600}"
                + ".bad{color:#b91c1c;font-weight:600}.num{text-align:right}"
                + "svg{background:#fff;border:1px solid #e5e7eb}code{font-size:12px}"
                + "details{margin:4px 0}h2{margin-top:28px}")
        .append("</style></head><body>\n");
    html.append("<h1>Rehearsal <code>")
        .append(esc(report.scenario()))
        .append("</code>: <span class=\"")
        .append(report.passed() ? "ok" : "bad")
        .append("\">")
        .append(verdict)
        .append("</span></h1>\n<p>Started ")
        .append(esc(report.startedAt()))
        .append(", observed for ")
        .append(secs(report.durationMs()))
        .append(
            report.changeAt() == null
                ? ""
                : "; the change was applied at " + secs(report.changeAt()))
        .append(". Times are seconds since the rehearsal started.</p>\n");
    parameters();
    expectations();
    html.append("<h2>Heights over time</h2>\n");
    heightChart();
    html.append("<h2>Availability</h2>\n<p>Green: a Ready production pod (nodes) or a ready")
        .append(" endpoint (Services: the selector evaluated against Ready pods). Red: a Service")
        .append(" without one.</p>\n");
    availabilityChart();
    downtime();
    signing();
    doubleSign();
    crashes();
    plans();
    events();
    html.append("</body></html>\n");
    return html.toString();
  }

  private void parameters() {
    html.append("<table><tr><th>parameter</th><th>value</th></tr>");
    for (Map.Entry<String, Object> e : report.parameters().entrySet()) {
      row(esc(e.getKey()), "<code>" + esc(String.valueOf(e.getValue())) + "</code>");
    }
    html.append("</table>\n");
  }

  private void expectations() {
    html.append(
            "<h2>Expectations</h2>\n<table><tr><th></th><th>expectation</th><th>what must hold</th>")
        .append("<th>observed</th></tr>");
    for (Expectation x : report.expectations()) {
      row(
          x.met()
              ? "<span class=\"ok\">&#10003; met</span>"
              : "<span class=\"bad\">&#10007; not met</span>",
          "<code>" + esc(x.name()) + "</code>",
          esc(x.description()),
          esc(x.detail()));
    }
    html.append("</table>\n");
  }

  // --- charts ---

  private double x(long t) {
    return LEFT + (double) (Math.max(t0, Math.min(t1, t)) - t0) * PLOT / (t1 - t0);
  }

  private void heightChart() {
    int height = 380;
    int top = 20;
    int bottom = 40;
    int plotH = height - top - bottom;
    long maxHeight = Math.max(1, report.chain().finalHeight());
    for (NodeTimeline n : report.nodes()) {
      for (Point p : n.heights()) {
        if (p.height() != null) {
          maxHeight = Math.max(maxHeight, p.height());
        }
      }
    }
    Object upgrade = report.parameters().get("upgradeHeight");
    if (upgrade instanceof Number u) {
      maxHeight = Math.max(maxHeight, u.longValue());
    }
    long yMax = niceCeil(maxHeight);
    java.util.function.LongFunction<Double> y = h -> top + plotH - (double) h * plotH / yMax;
    svgOpen(height, "block height of the chain and of each node over time");
    for (Interval halt : report.chain().halts()) {
      double from = x(halt.from());
      double to = x(halt.to() == null ? t1 : halt.to());
      html.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#fde68a\" opacity=\"0.6\"><title>chain %s</title></rect>",
              from,
              top,
              Math.max(1, to - from),
              plotH,
              esc(halt.label())));
    }
    axes(top, plotH, yMax, y);
    if (upgrade instanceof Number u) {
      double uy = y.apply(u.longValue());
      html.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b45309\" stroke-dasharray=\"2 3\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#b45309\">upgrade height %d</text>",
              LEFT,
              LEFT + PLOT,
              uy,
              uy,
              LEFT + 4,
              uy - 4,
              u.longValue()));
    }
    changeLine(top, plotH);
    stepLine(report.chain().heights(), y, "#374151", "5 4", "chain");
    int legendY = top + 10;
    legend(legendY, "#374151", "chain", true);
    for (int i = 0; i < report.nodes().size(); i++) {
      NodeTimeline n = report.nodes().get(i);
      String color = PALETTE[i % PALETTE.length];
      stepLine(n.heights(), y, color, null, n.name());
      markers(n, y, color);
      legend(legendY + 18 * (i + 1), color, n.name() + " (" + n.role() + ")", false);
    }
    int markY = legendY + 18 * (report.nodes().size() + 2);
    html.append(
        String.format(
            Locale.ROOT,
            "<g font-size=\"11\" fill=\"#374151\"><text x=\"%d\" y=\"%d\">&#9679; pod created</text>"
                + "<text x=\"%d\" y=\"%d\">&#9632; pod deleted</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#dc2626\">&#10005; crash</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#b45309\">&#9646; chain halted</text></g>",
            LEFT + PLOT + 16,
            markY,
            LEFT + PLOT + 16,
            markY + 16,
            LEFT + PLOT + 16,
            markY + 32,
            LEFT + PLOT + 16,
            markY + 48));
    html.append("</svg>\n");
  }

  private void svgOpen(int height, String label) {
    html.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"system-ui,sans-serif\">",
            WIDTH,
            height,
            WIDTH,
            height,
            esc(label)));
  }

  private void axes(int top, int plotH, long yMax, java.util.function.LongFunction<Double> y) {
    html.append("<g font-size=\"11\" fill=\"#4b5563\" stroke=\"#e5e7eb\">");
    long yStep = niceStep(yMax / 5.0);
    for (long h = 0; h <= yMax; h += yStep) {
      double yy = y.apply(h);
      html.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" stroke=\"none\">%d</text>",
              LEFT,
              LEFT + PLOT,
              yy,
              yy,
              LEFT - 6,
              yy + 4,
              h));
    }
    timeTicks(top, plotH);
    html.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" stroke=\"none\" transform=\"rotate(-90 %d %d)\" text-anchor=\"middle\">height</text>",
            16,
            top + plotH / 2,
            16,
            top + plotH / 2));
    html.append("</g>");
  }

  private void timeTicks(int top, int plotH) {
    long step = niceStep((t1 - t0) / 8.0 / 1000.0) * 1000;
    for (long t = (t0 + step - 1) / step * step; t <= t1; t += step) {
      double xx = x(t);
      html.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" stroke=\"none\">%ds</text>",
              xx,
              xx,
              top,
              top + plotH,
              xx,
              top + plotH + 16,
              t / 1000));
    }
  }

  private void changeLine(int top, int plotH) {
    if (report.changeAt() == null) {
      return;
    }
    double cx = x(report.changeAt());
    html.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#111\" stroke-dasharray=\"6 3\"/>"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">change</text>",
            cx,
            cx,
            top,
            top + plotH,
            cx + 3,
            top + 10));
  }

  /** A step line through the points; a null height breaks it. */
  private void stepLine(
      List<Point> points,
      java.util.function.LongFunction<Double> y,
      String color,
      String dash,
      String title) {
    StringBuilder d = new StringBuilder();
    boolean open = false;
    for (Point p : points) {
      double px = x(p.t());
      if (p.height() == null) {
        if (open) {
          d.append(String.format(Locale.ROOT, " H%.1f", px));
        }
        open = false;
      } else if (open) {
        d.append(String.format(Locale.ROOT, " H%.1f V%.1f", px, y.apply(p.height())));
      } else {
        d.append(String.format(Locale.ROOT, " M%.1f %.1f", px, y.apply(p.height())));
        open = true;
      }
    }
    if (d.length() == 0) {
      return;
    }
    html.append("<path fill=\"none\" stroke-width=\"2\" stroke=\"")
        .append(color)
        .append('"')
        .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
        .append(" d=\"")
        .append(d.toString().trim())
        .append("\"><title>")
        .append(esc(title))
        .append("</title></path>");
  }

  private void markers(NodeTimeline n, java.util.function.LongFunction<Double> y, String color) {
    for (Event e : n.events()) {
      Long h = heightAt(n.heights(), e.t());
      double py = y.apply(h == null ? 0 : h);
      double px = x(e.t());
      String title =
          "<title>"
              + esc(n.name() + " " + secs(e.t()) + ": " + e.kind() + " " + e.detail())
              + "</title>";
      switch (e.kind()) {
        case "crash" ->
            html.append(
                String.format(
                    Locale.ROOT,
                    "<path d=\"M%.1f %.1f l8 8 m0 -8 l-8 8\" stroke=\"#dc2626\" stroke-width=\"2\">%s</path>",
                    px - 4,
                    py - 4,
                    title));
        case "pod-created" ->
            html.append(
                String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\">%s</circle>",
                    px,
                    py,
                    color,
                    title));
        case "pod-deleted" ->
            html.append(
                String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"%s\">%s</rect>",
                    px - 3.5,
                    py - 3.5,
                    color,
                    title));
        default -> {}
      }
    }
  }

  /** The last known height at or before {@code t}. */
  static Long heightAt(List<Point> points, long t) {
    Long last = null;
    for (Point p : points) {
      if (p.t() > t) {
        break;
      }
      if (p.height() != null) {
        last = p.height();
      }
    }
    return last;
  }

  private void legend(int y, String color, String text, boolean dashed) {
    html.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
            LEFT + PLOT + 16,
            LEFT + PLOT + 36,
            y - 4,
            y - 4,
            color,
            dashed ? " stroke-dasharray=\"5 4\"" : "",
            LEFT + PLOT + 40,
            y,
            esc(text)));
  }

  private void availabilityChart() {
    int rowH = 22;
    int top = 10;
    List<ServiceDowntime> services = report.services();
    int rows = report.nodes().size() + services.size();
    int height = top + rows * rowH + 30;
    svgOpen(height, "readiness of each node and ready endpoints of each Service over time");
    html.append("<g stroke=\"#e5e7eb\" font-size=\"11\" fill=\"#4b5563\">");
    timeTicks(top, rows * rowH);
    html.append("</g>");
    changeLine(top, rows * rowH);
    int row = 0;
    for (NodeTimeline n : report.nodes()) {
      int yy = top + row++ * rowH;
      long from = n.createdAt() == null ? t0 : n.createdAt();
      long to = n.goneAt() == null ? t1 : n.goneAt();
      bar(from, to, yy, "#e5e7eb", n.name() + " exists");
      for (Interval i : n.ready()) {
        bar(i.from(), i.to() == null ? to : i.to(), yy, "#22c55e", n.name() + " Ready");
      }
      label(yy, n.name());
    }
    for (ServiceDowntime s : services) {
      int yy = top + row++ * rowH;
      if (s.firstServedAt() != null) {
        bar(s.firstServedAt(), t1, yy, "#22c55e", "Service " + s.name() + " has a ready endpoint");
      }
      for (Interval o : s.outages()) {
        bar(
            o.from(),
            o.to() == null ? t1 : o.to(),
            yy,
            "#ef4444",
            "Service " + s.name() + " without a ready endpoint " + secs(o.length(t1)));
      }
      label(yy, "svc/" + s.name());
    }
    html.append("</svg>\n");
  }

  private void bar(long from, long to, int y, String color, String title) {
    double x1 = x(from);
    double x2 = x(to);
    html.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s</title></rect>",
            x1,
            y + 2,
            Math.max(0.5, x2 - x1),
            color,
            esc(title + ": " + secs(from) + " to " + secs(to))));
  }

  private void label(int y, String text) {
    html.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
            LEFT + PLOT + 8,
            y + 14,
            esc(text)));
  }

  // --- tables ---

  private void downtime() {
    html.append(
            "<h2>Downtime</h2>\n<p>A node's downtime counts from its first Ready production pod")
        .append(" to its deletion (or the end); a Service's from its first ready endpoint to the")
        .append(
            " end.</p>\n<table><tr><th>node</th><th>role</th><th>image</th><th>first Ready</th>")
        .append("<th>downtime</th><th>pod cycles</th><th>crashes</th><th>deleted</th></tr>");
    for (NodeTimeline n : report.nodes()) {
      row(
          esc(n.name()),
          esc(n.role()),
          "<code>" + esc(n.image()) + "</code>",
          n.firstReadyAt() == null ? "never" : secs(n.firstReadyAt()),
          secs(n.downtimeMs()),
          Integer.toString(n.podCycles()),
          Integer.toString(n.crashes()),
          n.deletingAt() == null ? "" : secs(n.deletingAt()));
    }
    html.append("</table>\n<table><tr><th>Service</th><th>first ready endpoint</th>")
        .append("<th>downtime</th><th>outages</th><th>selector changes</th></tr>");
    for (ServiceDowntime s : report.services()) {
      List<String> outages = new ArrayList<>();
      for (Interval o : s.outages()) {
        outages.add(secs(o.from()) + "&ndash;" + (o.to() == null ? "end" : secs(o.to())));
      }
      List<String> changes = new ArrayList<>();
      for (Event e : s.selectorChanges()) {
        changes.add(secs(e.t()) + " <code>" + esc(e.detail()) + "</code>");
      }
      row(
          esc(s.name()),
          s.firstServedAt() == null ? "never" : secs(s.firstServedAt()),
          secs(s.downtimeMs()),
          outages.isEmpty() ? "none" : String.join(", ", outages),
          String.join("<br>", changes));
    }
    html.append("</table>\n");
  }

  private void signing() {
    html.append("<h2>Validator signatures</h2>\n");
    if (report.signing().isEmpty()) {
      html.append("<p>No validator key in this scenario.</p>\n");
      return;
    }
    html.append(
            "<table><tr><th>node</th><th>address</th><th>signed</th><th>first..last height</th>")
        .append("<th>chain height</th><th>missed</th></tr>");
    for (Signing s : report.signing()) {
      row(
          esc(s.node()),
          "<code>" + esc(s.address()) + "</code>",
          Long.toString(s.signed()),
          s.firstSignedHeight() == null ? "-" : s.firstSignedHeight() + ".." + s.lastSignedHeight(),
          Long.toString(s.chainHeight()),
          Long.toString(s.missed()));
    }
    html.append("</table>\n");
  }

  private void doubleSign() {
    html.append("<h2>Double-sign evidence</h2>\n");
    if (report.doubleSign() == null) {
      html.append("<p class=\"bad\">The chain's /evidence could not be read.</p>\n");
    } else if (report.doubleSign().isEmpty()) {
      html.append("<p class=\"ok\">None: no key signed one height from two places.</p>\n");
    } else {
      html.append("<table><tr><th>address</th><th>height</th><th>signers</th></tr>");
      for (DoubleSign d : report.doubleSign()) {
        row(
            "<code>" + esc(d.address()) + "</code>",
            Long.toString(d.height()),
            esc(String.join(", ", d.signers())));
      }
      html.append("</table>\n");
    }
  }

  private void crashes() {
    html.append("<h2>Crashes</h2>\n");
    if (report.crashes().isEmpty()) {
      html.append("<p>No container exited with a non-zero code.</p>\n");
      return;
    }
    html.append("<table><tr><th>time</th><th>node</th><th>pod / container</th><th>image</th>")
        .append("<th>exit</th><th>message</th><th></th></tr>");
    for (Crash c : report.crashes()) {
      row(
          secs(c.t()),
          esc(c.node()),
          esc(c.pod() + " / " + c.container()),
          "<code>" + esc(c.image()) + "</code>",
          Integer.toString(c.exitCode()),
          "<code>" + esc(c.message()) + "</code>",
          c.expected() ? "expected" : "<span class=\"bad\">unexpected</span>");
    }
    html.append("</table>\n");
  }

  private void plans() {
    html.append("<h2>Plans and task durations</h2>\n<p>From <code>status.plan.tasks[]</code>")
        .append(" (submittedAt/completedAt, whole seconds). A plan is cleared in the reconcile")
        .append(" that completes its last task: that completion (*) is when the plan was seen")
        .append(" gone.</p>\n");
    for (PlanDurations p : report.plans()) {
      long longest =
          p.tasks().stream()
              .map(TaskDuration::durationMs)
              .filter(Objects::nonNull)
              .mapToLong(Long::longValue)
              .max()
              .orElse(1);
      html.append("<details")
          .append(p.owner().startsWith("deployment") ? " open" : "")
          .append("><summary><b>")
          .append(esc(p.owner()))
          .append("</b> plan <code>")
          .append(esc(p.planId()))
          .append("</code>: ")
          .append(esc(p.outcome()))
          .append(p.durationMs() == null ? "" : ", " + secs(p.durationMs()))
          .append(", ")
          .append(p.tasks().size())
          .append(" tasks</summary><table><tr><th>#</th><th>task</th><th>status</th>")
          .append(
              "<th>submitted</th><th>completed</th><th class=\"num\">duration</th><th></th></tr>");
      for (TaskDuration t : p.tasks()) {
        int w =
            t.durationMs() == null
                ? 0
                : (int) Math.max(1, 200 * t.durationMs() / Math.max(1, longest));
        row(
            Integer.toString(t.index()),
            "<code>" + esc(t.type()) + "</code>",
            esc(t.status()),
            esc(Objects.toString(t.submittedAt(), "")),
            esc(Objects.toString(t.completedAt(), "")) + (t.completionObserved() ? " *" : ""),
            t.durationMs() == null ? "" : secs(t.durationMs()),
            "<svg width=\"204\" height=\"10\" style=\"border:0\"><rect width=\""
                + w
                + "\" height=\"10\" fill=\"#60a5fa\"/></svg>");
      }
      html.append("</table></details>\n");
    }
  }

  private void events() {
    html.append("<h2>Timeline per node</h2>\n");
    for (NodeTimeline n : report.nodes()) {
      html.append("<details><summary><b>")
          .append(esc(n.name()))
          .append("</b> (")
          .append(esc(n.role()))
          .append(", ")
          .append(n.events().size())
          .append(
              " events)</summary><table><tr><th>time</th><th>height</th><th>event</th><th>detail</th></tr>");
      for (Event e : n.events()) {
        Long h = heightAt(n.heights(), e.t());
        row(secs(e.t()), h == null ? "-" : h.toString(), esc(e.kind()), esc(e.detail()));
      }
      html.append("</table></details>\n");
    }
  }

  private void row(String... cells) {
    html.append("<tr>");
    for (String c : cells) {
      html.append("<td>").append(c).append("</td>");
    }
    html.append("</tr>");
  }

  // --- helpers ---

  private static String secs(long millis) {
    return Progress.seconds(millis);
  }

  static long niceStep(double raw) {
    if (raw <= 1) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return (long) (nice * magnitude);
  }

  static long niceCeil(long value) {
    long step = niceStep(value / 5.0);
    return ((value + step - 1) / step) * step;
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
