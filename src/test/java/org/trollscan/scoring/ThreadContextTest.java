package org.trollscan.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.trollscan.input.Post;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;

/** The context step that score and eval share, with --threshold overrides. */
class ThreadContextTest {
  @Test
  void anOverriddenFalseReportThresholdAlsoDecidesWhereHarassmentIsRaised() throws IOException {
    ModelBundle bundle = BundleIO.loadDefault();
    Scorer scorer = new Scorer(bundle);
    double low = 0.05;
    assertTrue(bundle.manifest().context().falseReportThreshold() > low);
    ThreadContext context = ThreadContext.of(bundle, "thread_id", null,
        Map.of(Label.FALSE_REPORT, low), Integer.MAX_VALUE);
    assertEquals(low, context.thresholds().get(Label.FALSE_REPORT));
    int raised = 0;
    try (Reader in = Files.newBufferedReader(Path.of("samples/context-pairs.csv"))) {
      long line = 1;
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .build().parse(in)) {
        line++;
        Score alone = scorer.score(r.get("text"), false, true);
        Score s = context.apply(new Post("pairs.csv", line, r.get("id"), r.get("text"),
            Map.of("thread_id", r.get("thread_id"))), alone);
        double fr = s.probabilities().get(Label.FALSE_REPORT);
        double h = s.probabilities().get(Label.HARASSMENT);
        if (s.flagged().contains(Label.FALSE_REPORT)) {
          assertTrue(h >= fr, r.get("id") + ": false_report " + fr + " flagged, harassment " + h);
          if (fr < bundle.manifest().context().falseReportThreshold()) {
            raised++;
          }
        }
      }
    }
    assertTrue(raised > 0, "no post between the two thresholds: the test would prove nothing");
  }
}
