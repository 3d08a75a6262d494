package org.trollscan.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.Scorer;
import org.trollscan.model.TinyModels;

class HtmlReportTest {

  @Test
  void reportIsOneSelfContainedPageWithEveryChartAndTheWorstErrors() throws IOException {
    Scorer scorer = new Scorer(BundleIO.load(TinyModels.shared()));
    var posts = new LabelledCorpusReader(Label.columns()).read("samples/functional.csv");
    Evaluation e = new Evaluator(scorer).evaluate(posts, List.of("functionality"));
    String html = HtmlReport.render(e, "test-1", List.of("samples/functional.csv"));
    for (String part : List.of("ROC (AUC", "Precision-recall (AP", "Calibration (ECE",
        "Scores by gold class", "Confusion matrix", "By functionality",
        "Most confident false positives", "Most confident false negatives")) {
      assertTrue(html.contains(part), part);
    }
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"));
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no network");
  }
}
