package org.trollscan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.Scorer;
import org.trollscan.model.TinyModels;

class HtmlReportTest {
  private static String single;
  private static String compared;

  @BeforeAll
  static void render() throws IOException {
    Scorer tiny = new Scorer(BundleIO.load(TinyModels.shared()));
    Scorer shipped = new Scorer(BundleIO.loadDefault());
    var data = Evaluator.Data.of(List.of("samples/functional.csv"));
    Evaluation a = new Evaluator(shipped).evaluate(data, List.of("functionality"));
    Evaluation b = new Evaluator(tiny).evaluate(data, List.of("functionality"));
    EvalReport.Provenance p = new EvalReport.Provenance("9.9", "trollscan eval --data x",
        "2026-12-06T00:00:00Z", List.of("samples/functional.csv"));
    Gate gate = Gate.parse(Gate.Kind.MIN, "harassment.f1=0.8", Label.columns());
    BootstrapResult one = Bootstrap.run(List.of(a), -1, new Bootstrap.Settings(50, 1));
    single = HtmlReport.render(new EvalReport(
        List.of(new EvalReport.ModelRun("shipped", "v-1", false, a)), -1, one,
        List.of(gate.checkMin("shipped", a.labels().get("harassment"),
            one.interval(0, Scope.ALL, "harassment", Metric.F1))), p));
    BootstrapResult two = Bootstrap.run(List.of(a, b), 1, new Bootstrap.Settings(50, 1));
    compared = HtmlReport.render(new EvalReport(
        List.of(new EvalReport.ModelRun("shipped", "v-1", false, a),
            new EvalReport.ModelRun("tiny.zip", "test-1", true, b)), 1, two, List.of(), p));
  }

  @Test
  void reportIsOneSelfContainedPageWithEveryChartAndTheWorstErrors() {
    for (String part : List.of("ROC (dot: operating point)", "Precision-recall (dot",
        "Precision, recall, F1 by threshold", "Calibration", "Scores by gold class",
        "Confusion matrix", "By functionality", "Most confident false positives",
        "Most confident false negatives", "trollscan 9.9", "trollscan eval --data x",
        "2026-12-06T00:00:00Z", "v-1", "Gates", "--min harassment.f1", "passed")) {
      assertTrue(single.contains(part), part);
    }
    for (String html : List.of(single, compared)) {
      assertFalse(html.contains("<script"), "no scripts");
      assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no network");
      assertFalse(html.contains("src="), "nothing loaded from elsewhere");
    }
  }

  @Test
  void theOperatingPointAndTheThresholdAreDrawn() {
    assertTrue(single.contains("<title>operating point</title>"));
    assertTrue(single.contains("threshold 0."), "threshold line on histogram and curves");
  }

  @Test
  void everyChartLinksTheNumbersBehindItAsEmbeddedCsv() {
    Matcher m = Pattern.compile("download=\"([^\"]+)\" href=\"data:text/csv;base64,([^\"]+)\"")
        .matcher(single);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
      String csv = new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
      assertTrue(csv.lines().count() > 2, m.group(1));
      assertTrue(csv.startsWith("model,"), csv);
    }
    assertTrue(names.containsAll(List.of("harassment-roc.csv", "harassment-precision-recall.csv",
        "harassment-by-threshold.csv", "harassment-calibration.csv", "harassment-histogram.csv",
        "false_report-roc.csv")), names.toString());
  }

  @Test
  void aComparisonShowsBothModelsAndTheDifferencesWithIntervals() {
    assertTrue(compared.contains("tiny.zip (baseline)"));
    assertTrue(compared.contains("shipped &minus; tiny.zip"));
    assertTrue(compared.contains("stroke-dasharray=\"6 3\""), "the baseline is dashed");
    assertTrue(compared.contains("f1 &minus; baseline"), "slice table has differences");
    assertTrue(Pattern.compile("[+-]0\\.\\d{3} <small>\\[[+-]0\\.\\d{3}, [+-]0\\.\\d{3}\\]")
        .matcher(compared).find());
  }

  @Test
  void sliceCellsAreColouredFromTheGatesNotAFixedValue() {
    assertTrue(single.contains("class=\"pass\"") || single.contains("class=\"fail\"")
        || single.contains("class=\"unsure\""));
    assertFalse(compared.contains("<td class=\"pass\">"), "no gates, no colours");
  }

  @Test
  void evidenceIsMarkedInsideThePost() {
    assertEquals("please <mark>ring social services</mark> on &lt;her&gt;",
        HtmlReport.highlight("please ring social services on <her>",
            List.of("Ring Social Services"), List.of()));
    assertEquals("<mark>a b</mark> c <mark>a b</mark>",
        HtmlReport.highlight("a b c a b", List.of("a b", ""), List.of()));
    // With offsets, only the place the model found is marked, not every copy of the phrase.
    assertEquals("a b c <mark>a b</mark>", HtmlReport.highlight("a b c a b", List.of("a b"),
        List.of(new org.trollscan.model.EvidenceSpan("a b", 6, 9, 1.0))));
    assertTrue(single.contains("<mark>"), "errors have evidence marked");
  }
}
