package io.sei.operator.simulator.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.simulator.rehearse.Report.Expectation;
import io.sei.operator.simulator.rehearse.Report.Point;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

  private final String html =
      ReportHtml.render(SampleReports.hardFork(Report.PASSED, SampleReports.allMet()));

  @Test
  void isOneSelfContainedPageWithInlineSvgCharts() {
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(count("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        .as("heights + availability")
        .isEqualTo(2);
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
    assertThat(html.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void drawsALinePerNodeAndTheChainBrokenAtGaps() {
    assertThat(html).contains("<title>chain</title>");
    assertThat(html)
        .contains("<title>pacific-g1-0</title>")
        .contains("<title>pacific-g2-0</title>");
    Matcher incumbent = Pattern.compile("d=\"([^\"]*)\"><title>pacific-g1-0</title>").matcher(html);
    assertThat(incumbent.find()).isTrue();
    assertThat(incumbent.group(1))
        .as("one segment, ended by the gap")
        .startsWith("M")
        .doesNotContain(" M");
    assertThat(html).contains("upgrade height 40");
    assertThat(html).contains("fill=\"#fde68a\"").as("the chain's halt is shaded");
    assertThat(html).contains(">change</text>");
  }

  @Test
  void marksCrashesAndPodsAndShowsTheTables() {
    assertThat(html).contains("stroke=\"#dc2626\"").as("a crash marker");
    assertThat(html).contains("<circle").contains("&#10003; met");
    assertThat(html).contains("teardown-nodes").contains("2026-11-22T13:00:14.500Z *");
    assertThat(html).contains("None: no key signed one height from two places.");
    assertThat(html)
        .contains("svc/pacific")
        .contains("fill=\"#ef4444\"")
        .as("the Service's outage");
    assertThat(html).contains("10.2 s&ndash;13.0 s");
  }

  @Test
  void escapesEverythingItQuotes() {
    assertThat(html)
        .contains("pacific-g2-0-bootstrap-x &lt;script&gt;")
        .doesNotContain("x <script>");
    assertThat(html).contains("UPGRADE &quot;v6.4.0&quot; NEEDED");
  }

  @Test
  void aFailedExpectationIsMarked() {
    String failed =
        ReportHtml.render(
            SampleReports.hardFork(
                Report.FAILED,
                List.of(new Expectation("rollout-complete", "Ready", false, "Degraded"))));
    assertThat(failed).contains("<span class=\"bad\">FAILED</span>").contains("&#10007; not met");
  }

  @Test
  void heightAtIsTheLastKnownHeight() {
    List<Point> points = List.of(new Point(0, 1L), new Point(10, 5L), new Point(20, null));
    assertThat(ReportHtml.heightAt(points, 15)).isEqualTo(5L);
    assertThat(ReportHtml.heightAt(points, 25)).isEqualTo(5L);
    assertThat(ReportHtml.heightAt(points, -1)).isNull();
  }

  @Test
  void axisStepsAreRound() {
    assertThat(ReportHtml.niceStep(0.3)).isEqualTo(1);
    assertThat(ReportHtml.niceStep(7)).isEqualTo(10);
    assertThat(ReportHtml.niceStep(13)).isEqualTo(20);
    assertThat(ReportHtml.niceStep(42)).isEqualTo(50);
    assertThat(ReportHtml.niceCeil(48)).isEqualTo(50);
    assertThat(ReportHtml.niceCeil(123)).isEqualTo(150);
  }

  private int count(String needle) {
    int n = 0;
    for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
