package org.trollscan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values were computed with scikit-learn 1.2.1 (Debian python3-sklearn): roc_auc_score,
 * average_precision_score, brier_score_loss, f1/precision/recall_score at 0.5, and the argmax of
 * F1 over precision_recall_curve. ECE has no scikit-learn function; it was computed with numpy
 * using the same 10 equal-width bins (a score of 1.0 in the last bin).
 */
class MetricsTest {
  static final double[] MIXED = {0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1};
  static final boolean[] MIXED_GOLD = gold(1, 1, 0, 1, 0, 1, 0, 0, 1, 0);
  static final double[] TIES = {0.5, 0.5, 0.5, 0.2, 0.2, 0.9, 0.9, 0.1};
  static final boolean[] TIES_GOLD = gold(1, 0, 1, 0, 1, 1, 0, 0);

  static boolean[] gold(int... v) {
    boolean[] g = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      g[i] = v[i] == 1;
    }
    return g;
  }

  @Test
  void matchesScikitLearnOnDistinctScores() {
    assertEquals(0.72, Metrics.rocAuc(MIXED, MIXED_GOLD), 1e-6);
    assertEquals(0.7944444444444445, Metrics.averagePrecision(MIXED, MIXED_GOLD), 1e-6);
    assertEquals(0.21525, Metrics.brier(MIXED, MIXED_GOLD), 1e-6);
    Metrics.Confusion c = Metrics.confusion(MIXED, MIXED_GOLD, 0.5);
    assertEquals(0.7272727272727272, c.f1(), 1e-6);
    assertEquals(0.6666666666666666, c.precision(), 1e-6);
    assertEquals(0.8, c.recall(), 1e-6);
    assertEquals(0.305, Metrics.expectedCalibrationError(MIXED, MIXED_GOLD), 1e-6);
    assertEquals(0.5, Metrics.bestF1Threshold(MIXED, MIXED_GOLD), 1e-6);
  }

  @Test
  void matchesScikitLearnWithTiedScores() {
    assertEquals(0.625, Metrics.rocAuc(TIES, TIES_GOLD), 1e-6);
    assertEquals(0.5678571428571428, Metrics.averagePrecision(TIES, TIES_GOLD), 1e-6);
    assertEquals(0.2825, Metrics.brier(TIES, TIES_GOLD), 1e-6);
    Metrics.Confusion c = Metrics.confusion(TIES, TIES_GOLD, 0.5);
    assertEquals(0.6666666666666665, c.f1(), 1e-6);
    assertEquals(0.6, c.precision(), 1e-6);
    assertEquals(0.75, c.recall(), 1e-6);
    assertEquals(0.25, Metrics.expectedCalibrationError(TIES, TIES_GOLD), 1e-6);
    double best = Metrics.bestF1Threshold(TIES, TIES_GOLD);
    assertEquals(0.2, best, 1e-6);
    assertEquals(0.7272727272727273, Metrics.confusion(TIES, TIES_GOLD, best).f1(), 1e-6);
  }

  @Test
  void theBreakEvenThresholdFlagsAsManyPostsAsArePositiveWherePrecisionEqualsRecall() {
    double t = Metrics.breakEvenThreshold(MIXED, MIXED_GOLD);
    assertEquals(0.55, t, 1e-12); // five positives: the fifth-highest score
    Metrics.Confusion c = Metrics.confusion(MIXED, MIXED_GOLD, t);
    assertEquals(c.precision(), c.recall(), 1e-12);
    assertEquals(0.6, c.f1(), 1e-12);
    assertTrue(Double.isNaN(Metrics.breakEvenThreshold(MIXED, new boolean[MIXED.length])));
  }

  @Test
  void aOneClassVectorReportsUndefinedRankingMetricsInsteadOfCrashing() {
    double[] s = {0.1, 0.7, 0.4};
    boolean[] allNegative = gold(0, 0, 0);
    assertTrue(Double.isNaN(Metrics.rocAuc(s, allNegative)));
    assertTrue(Double.isNaN(Metrics.averagePrecision(s, allNegative)));
    assertTrue(Double.isNaN(Metrics.bestF1Threshold(s, allNegative)));
    LabelMetrics m = LabelMetrics.of(s, allNegative, 0.5);
    assertEquals(2.0 / 3, m.accuracy(), 1e-12);
    assertEquals(0.0, m.f1());
    boolean[] allPositive = gold(1, 1, 1);
    assertTrue(Double.isNaN(Metrics.rocAuc(s, allPositive)));
    assertEquals(1.0, Metrics.averagePrecision(s, allPositive), 1e-12);
  }

  @Test
  void thresholdForPrecisionKeepsTheMostRecallAtThatPrecision() {
    assertEquals(0.8, Metrics.thresholdForPrecision(MIXED, MIXED_GOLD, 1.0), 1e-12);
    assertEquals(0.6, Metrics.thresholdForPrecision(MIXED, MIXED_GOLD, 0.75), 1e-12);
    assertTrue(Double.isNaN(Metrics.thresholdForPrecision(MIXED, gold(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0.5)));
  }

  @Test
  void rocCurveRunsFromOriginToOneOne() {
    double[][] roc = Metrics.rocCurve(TIES, TIES_GOLD);
    assertEquals(0.0, roc[0][0]);
    assertEquals(1.0, roc[roc.length - 1][0]);
    assertEquals(1.0, roc[roc.length - 1][1]);
  }
}
