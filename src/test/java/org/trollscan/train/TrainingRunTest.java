package org.trollscan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.BundleIO;
import org.trollscan.model.TinyModels;
import org.trollscan.model.TrainingSettings;
import org.trollscan.features.FeatureSettings;

class TrainingRunTest {
  private static TrainingRun.Result train(Path dir, int repeats, String name) throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    TrainingSettings s = new TrainingSettings("QN", 100, 0, 0, 0.1, 2, repeats, 1L, null, TrainingSettings.BREAK_EVEN, 1);
    return new TrainingRun(s, FeatureSettings.defaults(),
        new PrintStream(OutputStream.nullOutputStream()))
        .run(List.of(csv.toString()), "test-1", dir.resolve(name));
  }

  @Test
  void repeatedCrossValidationPoolsItsRepeatsAndIsReproducible(@TempDir Path dir)
      throws IOException {
    TrainingRun.Result once = train(dir, 1, "once.zip");
    TrainingRun.Result thrice = train(dir, 3, "thrice.zip");
    TrainingRun.Result again = train(dir, 3, "again.zip");
    for (int l = 0; l < thrice.reports().size(); l++) {
      TrainingRun.LabelReport r = thrice.reports().get(l);
      assertTrue(r.rule().contains("repeated 3 times"), r.rule());
      assertTrue(!once.reports().get(l).rule().contains("repeated"), once.reports().get(l).rule());
      assertEquals(r.threshold(), again.reports().get(l).threshold());
      assertTrue(r.threshold() > 0 && r.threshold() < 1, r.rule());
    }
    assertEquals(3, BundleIO.load(dir.resolve("thrice.zip")).manifest().training().repeats());
  }

  private static TrainingSettings settings(Double precision, String rule) {
    return new TrainingSettings("QN", 100, 0, 0, 0.1, 2, 1, 1L, precision, rule, 1);
  }

  @Test
  void anUnreachableTargetPrecisionFallsBackToTheThresholdRuleAndSaysSo() {
    // The highest score is a negative, so no threshold reaches precision 1.
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1};
    boolean[] gold = {false, true, true, false, true, false, false, false};
    TrainingRun.Threshold breakEven =
        TrainingRun.chooseThreshold(scores, gold, settings(1.0, TrainingSettings.BREAK_EVEN), "");
    assertEquals(0.7, breakEven.value(), 1e-12); // three positives: the third-highest score
    assertTrue(breakEven.rule().startsWith("precision 1.0 unreachable; out-of-fold precision = "
        + "recall"), breakEven.rule());
    assertTrue(breakEven.precisionUnreachable());
    TrainingRun.Threshold maxF1 =
        TrainingRun.chooseThreshold(scores, gold, settings(1.0, TrainingSettings.MAX_F1), "");
    assertTrue(maxF1.rule().startsWith("precision 1.0 unreachable; max out-of-fold F1"));
    TrainingRun.Threshold reachable =
        TrainingRun.chooseThreshold(scores, gold, settings(0.6, TrainingSettings.BREAK_EVEN), "");
    assertTrue(reachable.rule().startsWith("lowest out-of-fold threshold with precision >= 0.6"),
        reachable.rule());
    assertEquals(0.4, reachable.value(), 1e-12); // 3 of 5 flagged are positive
    assertTrue(!reachable.precisionUnreachable());
  }

  @Test
  void theLogSaysWhenAFinalModelNeededMoreThanOneMinimizerRun(@TempDir Path dir)
      throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    // Three iterations a run: OpenNLP's minimizer stops long before the minimum.
    TrainingSettings s = new TrainingSettings("QN", 3, 0, 0, 0.1, 2, 1, 1L, null,
        TrainingSettings.BREAK_EVEN, 1);
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    new TrainingRun(s, FeatureSettings.defaults(), new PrintStream(log, true))
        .run(List.of(csv.toString()), "test-1", dir.resolve("short.zip"));
    assertTrue(log.toString().matches("(?s).*harassment: the final model took \\d+ L-BFGS runs.*"),
        log.toString());
  }
}
