package org.trollscan.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One label's scores on a set of rows, sorted by score once, so that every metric of a bootstrap
 * resample costs two passes over the rows. A resample is a vector of weights (how often each row
 * was drawn): a row drawn twice counts twice, as in the expanded sample scikit-learn would see.
 * Conventions are those of {@link Metrics}: ties grouped, a zero denominator gives 0, ROC-AUC
 * undefined with one class, average precision without positives.
 */
final class LabelSample {
  private final int[] rows;
  private final double[] score;
  private final boolean[] gold;
  private final boolean[] predicted;
  private final boolean[] startsTie;
  private final int[] bin;

  /**
   * @param rows the rows' indices in the evaluation (the index into a weight vector)
   * @param scores each row's score, by position in {@code rows}
   * @param gold each row's gold value, by position in {@code rows}
   * @param threshold a score at or above it is predicted positive
   */
  LabelSample(int[] rows, double[] scores, boolean[] gold, double threshold) {
    Integer[] order = new Integer[rows.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    int n = rows.length;
    this.rows = new int[n];
    this.score = new double[n];
    this.gold = new boolean[n];
    this.predicted = new boolean[n];
    this.startsTie = new boolean[n];
    this.bin = new int[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      this.rows[k] = rows[i];
      score[k] = scores[i];
      this.gold[k] = gold[i];
      predicted[k] = scores[i] >= threshold;
      startsTie[k] = k == 0 || scores[i] != score[k - 1];
      bin[k] = Math.max(0, Math.min(Metrics.CALIBRATION_BINS - 1,
          (int) Math.floor(scores[i] * Metrics.CALIBRATION_BINS)));
    }
  }

  int size() {
    return rows.length;
  }

  /**
   * Every {@link Metric} under the weights, into {@code out[metric.ordinal()]}.
   *
   * @param weight per evaluation row, how often it was drawn (all 1: the point estimate)
   */
  void compute(int[] weight, double[] out) {
    int n = rows.length;
    double tp = 0;
    double fp = 0;
    double tn = 0;
    double fn = 0;
    double squares = 0;
    double[] binScore = new double[Metrics.CALIBRATION_BINS];
    double[] binGold = new double[Metrics.CALIBRATION_BINS];
    // ROC-AUC as the weighted Mann-Whitney statistic: each positive beats the negatives below
    // its score and ties half of those at its score.
    double aucSum = 0;
    double negativesBelow = 0;
    double groupPos = 0;
    double groupNeg = 0;
    for (int k = 0; k < n; k++) {
      double w = weight[rows[k]];
      if (w != 0) {
        double y = gold[k] ? 1 : 0;
        double d = score[k] - y;
        squares += w * d * d;
        binScore[bin[k]] += w * score[k];
        binGold[bin[k]] += w * y;
        if (gold[k]) {
          groupPos += w;
          if (predicted[k]) {
            tp += w;
          } else {
            fn += w;
          }
        } else {
          groupNeg += w;
          if (predicted[k]) {
            fp += w;
          } else {
            tn += w;
          }
        }
      }
      if (k == n - 1 || startsTie[k + 1]) {
        aucSum += groupPos * (negativesBelow + groupNeg / 2);
        negativesBelow += groupNeg;
        groupPos = 0;
        groupNeg = 0;
      }
    }
    double positives = tp + fn;
    double negatives = fp + tn;
    double total = positives + negatives;
    out[Metric.PRECISION.ordinal()] = Metrics.ratio(tp, tp + fp);
    out[Metric.RECALL.ordinal()] = Metrics.ratio(tp, positives);
    out[Metric.F1.ordinal()] = Metrics.ratio(2 * tp, 2 * tp + fp + fn);
    out[Metric.ACCURACY.ordinal()] = Metrics.ratio(tp + tn, total);
    out[Metric.ROC_AUC.ordinal()] = positives == 0 || negatives == 0 ? Double.NaN
        : aucSum / (positives * negatives);
    out[Metric.AVERAGE_PRECISION.ordinal()] = positives == 0 ? Double.NaN
        : averagePrecision(weight, positives);
    out[Metric.BRIER.ordinal()] = total == 0 ? Double.NaN : squares / total;
    double ece = 0;
    for (int b = 0; b < Metrics.CALIBRATION_BINS; b++) {
      // Sum over bins of (bin weight / total) * |mean score - positive rate|.
      ece += Math.abs(binScore[b] - binGold[b]);
    }
    out[Metric.ECE.ordinal()] = total == 0 ? Double.NaN : ece / total;
  }

  /** From the highest score down, each tie group adds (recall gained) x (precision there). */
  private double averagePrecision(int[] weight, double positives) {
    double ap = 0;
    double tp = 0;
    double seen = 0;
    double lastRecall = 0;
    double groupPos = 0;
    double groupAll = 0;
    for (int k = rows.length - 1; k >= 0; k--) {
      double w = weight[rows[k]];
      groupAll += w;
      if (gold[k]) {
        groupPos += w;
      }
      if (startsTie[k]) {
        tp += groupPos;
        seen += groupAll;
        if (seen > 0) {
          double recall = tp / positives;
          ap += (recall - lastRecall) * (tp / seen);
          lastRecall = recall;
        }
        groupPos = 0;
        groupAll = 0;
      }
    }
    return ap;
  }
}
