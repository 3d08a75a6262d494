package org.trollscan.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Binary classification metrics over score vectors, pure functions. Conventions follow
 * scikit-learn (the reference the tests compare against): ties in scores are grouped, a ratio
 * with a zero denominator is 0, and a metric undefined for a one-class vector (ROC-AUC, average
 * precision) is NaN, reported as such rather than crashing.
 */
public final class Metrics {
  /** Number of equal-width bins for the expected calibration error. */
  public static final int CALIBRATION_BINS = 10;

  private Metrics() {}

  /** Counts at a threshold: a score at or above it is predicted positive. */
  public record Confusion(long truePositives, long falsePositives, long trueNegatives,
      long falseNegatives) {
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
      return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    public double accuracy() {
      return ratio(truePositives + trueNegatives,
          truePositives + trueNegatives + falsePositives + falseNegatives);
    }
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0.0 : a / b;
  }

  public static Confusion confusion(double[] scores, boolean[] gold, double threshold) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (predicted && gold[i]) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (gold[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    return new Confusion(tp, fp, tn, fn);
  }

  public static long positives(boolean[] gold) {
    long n = 0;
    for (boolean g : gold) {
      if (g) {
        n++;
      }
    }
    return n;
  }

  /** ROC-AUC by the rank-sum statistic, ties sharing their mean rank; NaN with one class. */
  public static double rocAuc(double[] scores, boolean[] gold) {
    long pos = positives(gold);
    long neg = gold.length - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    Integer[] order = sortedAscending(scores);
    double rankSumPositives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double meanRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (gold[order[k]]) {
          rankSumPositives += meanRank;
        }
      }
      i = j + 1;
    }
    return (rankSumPositives - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /**
   * Average precision as scikit-learn's {@code average_precision_score}: the sum over distinct
   * thresholds, from the highest, of (recall gain) x precision. NaN without positives.
   */
  public static double averagePrecision(double[] scores, boolean[] gold) {
    long pos = positives(gold);
    if (pos == 0) {
      return Double.NaN;
    }
    Integer[] order = sortedAscending(scores);
    double ap = 0;
    long tp = 0;
    long seen = 0;
    double lastRecall = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      for (int k = j; k <= i; k++) {
        seen++;
        if (gold[order[k]]) {
          tp++;
        }
      }
      double recall = (double) tp / pos;
      double precision = (double) tp / seen;
      ap += (recall - lastRecall) * precision;
      lastRecall = recall;
      i = j - 1;
    }
    return ap;
  }

  /** Mean squared difference between score and outcome (0 is perfect). */
  public static double brier(double[] scores, boolean[] gold) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < scores.length; i++) {
      double d = scores[i] - (gold[i] ? 1 : 0);
      s += d * d;
    }
    return s / scores.length;
  }

  /**
   * Expected calibration error over {@value #CALIBRATION_BINS} equal-width bins: the
   * size-weighted mean gap between a bin's mean score and its fraction of positives. A score of
   * exactly 1 falls in the last bin.
   */
  public static double expectedCalibrationError(double[] scores, boolean[] gold) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    CalibrationBin[] bins = calibration(scores, gold);
    double ece = 0;
    for (CalibrationBin b : bins) {
      if (b.count() > 0) {
        ece += (double) b.count() / scores.length * Math.abs(b.meanScore() - b.positiveRate());
      }
    }
    return ece;
  }

  /** One bin of a reliability diagram. */
  public record CalibrationBin(double lower, double upper, long count, double meanScore,
      double positiveRate) {}

  public static CalibrationBin[] calibration(double[] scores, boolean[] gold) {
    long[] count = new long[CALIBRATION_BINS];
    double[] sum = new double[CALIBRATION_BINS];
    long[] pos = new long[CALIBRATION_BINS];
    for (int i = 0; i < scores.length; i++) {
      int b = Math.min(CALIBRATION_BINS - 1, (int) Math.floor(scores[i] * CALIBRATION_BINS));
      b = Math.max(0, b);
      count[b]++;
      sum[b] += scores[i];
      if (gold[i]) {
        pos[b]++;
      }
    }
    CalibrationBin[] bins = new CalibrationBin[CALIBRATION_BINS];
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      bins[b] = new CalibrationBin((double) b / CALIBRATION_BINS, (double) (b + 1) / CALIBRATION_BINS,
          count[b], ratio(sum[b], count[b]), ratio(pos[b], count[b]));
    }
    return bins;
  }

  /**
   * The break-even threshold: the score of the post ranked as far down as there are positives, so
   * that as many posts are flagged as are positive and precision equals recall (and F1). NaN
   * without positives. It is a quantile of the scores, so it moves little when the model is
   * retrained, where the argmax of a flat F1 curve jumps (see docs/model-history.md).
   */
  public static double breakEvenThreshold(double[] scores, boolean[] gold) {
    long pos = positives(gold);
    if (pos == 0) {
      return Double.NaN;
    }
    double[] sorted = scores.clone();
    java.util.Arrays.sort(sorted);
    return sorted[(int) (sorted.length - pos)];
  }

  /** The threshold (one of the scores) that maximises F1; the higher one on a tie. NaN without positives. */
  public static double bestF1Threshold(double[] scores, boolean[] gold) {
    long pos = positives(gold);
    if (pos == 0) {
      return Double.NaN;
    }
    Integer[] order = sortedAscending(scores);
    long tp = 0;
    long predicted = 0;
    double bestF1 = -1;
    double best = Double.NaN;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      for (int k = j; k <= i; k++) {
        predicted++;
        if (gold[order[k]]) {
          tp++;
        }
      }
      double f1 = ratio(2.0 * tp, predicted + pos);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = scores[order[i]];
      }
      i = j - 1;
    }
    return best;
  }

  /**
   * The lowest threshold (one of the scores) whose precision reaches {@code target}, which keeps
   * the most recall at that precision; NaN when no threshold reaches it.
   */
  public static double thresholdForPrecision(double[] scores, boolean[] gold, double target) {
    Integer[] order = sortedAscending(scores);
    long tp = 0;
    long predicted = 0;
    double found = Double.NaN;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      for (int k = j; k <= i; k++) {
        predicted++;
        if (gold[order[k]]) {
          tp++;
        }
      }
      if (tp > 0 && (double) tp / predicted >= target) {
        found = scores[order[i]];
      }
      i = j - 1;
    }
    return found;
  }

  /** Points of the ROC curve, one per distinct threshold: {false positive rate, true positive rate}. */
  public static double[][] rocCurve(double[] scores, boolean[] gold) {
    return curve(scores, gold, true);
  }

  /** Points of the precision-recall curve: {recall, precision}. */
  public static double[][] precisionRecallCurve(double[] scores, boolean[] gold) {
    return curve(scores, gold, false);
  }

  private static double[][] curve(double[] scores, boolean[] gold, boolean roc) {
    long pos = positives(gold);
    long neg = gold.length - pos;
    Integer[] order = sortedAscending(scores);
    java.util.List<double[]> points = new java.util.ArrayList<>();
    if (roc) {
      points.add(new double[] {0, 0});
    }
    long tp = 0;
    long fp = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      for (int k = j; k <= i; k++) {
        if (gold[order[k]]) {
          tp++;
        } else {
          fp++;
        }
      }
      points.add(roc
          ? new double[] {ratio(fp, neg), ratio(tp, pos)}
          : new double[] {ratio(tp, pos), ratio(tp, tp + fp)});
      i = j - 1;
    }
    return points.toArray(new double[0][]);
  }

  private static Integer[] sortedAscending(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }
}
