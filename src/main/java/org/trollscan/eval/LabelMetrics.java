package org.trollscan.eval;

/**
 * Every metric of one label on one set of posts. Undefined metrics (ROC-AUC with one class) are
 * NaN and written as null in JSON.
 *
 * @param support posts labelled for this label
 * @param positives of which positive
 * @param threshold the decision threshold used
 * @param precision precision at the threshold
 * @param recall recall at the threshold
 * @param f1 F1 at the threshold
 * @param accuracy accuracy at the threshold (the pass rate of a one-class slice)
 * @param auc ROC-AUC
 * @param averagePrecision average precision (PR-AUC)
 * @param brier Brier score
 * @param ece expected calibration error (10 bins)
 * @param confusion counts at the threshold
 * @param bestF1Threshold the threshold that would maximise F1 on these posts
 * @param bestF1 the F1 it would give
 */
public record LabelMetrics(
    long support,
    long positives,
    double threshold,
    double precision,
    double recall,
    double f1,
    double accuracy,
    double auc,
    double averagePrecision,
    double brier,
    double ece,
    Metrics.Confusion confusion,
    double bestF1Threshold,
    double bestF1) {

  /** All metrics of a score vector at a threshold. */
  public static LabelMetrics of(double[] scores, boolean[] gold, double threshold) {
    Metrics.Confusion c = Metrics.confusion(scores, gold, threshold);
    double best = Metrics.bestF1Threshold(scores, gold);
    double bestF1 = Double.isNaN(best) ? Double.NaN : Metrics.confusion(scores, gold, best).f1();
    return new LabelMetrics(scores.length, Metrics.positives(gold), threshold, c.precision(),
        c.recall(), c.f1(), c.accuracy(), Metrics.rocAuc(scores, gold),
        Metrics.averagePrecision(scores, gold), Metrics.brier(scores, gold),
        Metrics.expectedCalibrationError(scores, gold), c, best, bestF1);
  }

  /** A metric by the name used in gates and the JSON schema (see {@link Metric}), or null. */
  public Double get(String name) {
    Metric m = Metric.byName(name);
    return m == null ? null : m.of(this);
  }
}
