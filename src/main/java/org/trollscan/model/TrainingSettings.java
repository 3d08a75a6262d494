package org.trollscan.model;

/**
 * The maxent settings a model is trained with, stored in its manifest.
 *
 * @param algorithm "QN" (L-BFGS, OpenNLP MAXENT_QN) or "GIS" (OpenNLP MAXENT)
 * @param iterations maximum training iterations
 * @param cutoff minimum number of training posts a feature must occur in
 * @param l1Cost L1 regularisation (QN only)
 * @param l2Cost L2 regularisation (QN only)
 * @param folds cross-validation folds used to choose thresholds and report metrics
 * @param repeats how many times cross-validation runs, each with its own fold assignment
 *     (seeds {@code seed}, {@code seed + 1}, ...); thresholds are chosen on all their
 *     out-of-fold scores together
 * @param seed seed for fold assignment; the same data and seed give the same model
 * @param targetPrecision when set, each threshold is the lowest reaching this precision;
 *     otherwise {@code thresholdRule} chooses it
 * @param thresholdRule {@value #BREAK_EVEN} (out-of-fold precision equals recall) or
 *     {@value #MAX_F1} (the out-of-fold F1 maximum; every model before 2026.11.29-12)
 * @param threads training threads
 */
public record TrainingSettings(
    String algorithm,
    int iterations,
    int cutoff,
    double l1Cost,
    double l2Cost,
    int folds,
    int repeats,
    long seed,
    Double targetPrecision,
    String thresholdRule,
    int threads) {

  public static final long DEFAULT_SEED = 20261128L;
  public static final String BREAK_EVEN = "break-even";
  public static final String MAX_F1 = "max-f1";

  public static TrainingSettings defaults() {
    return new TrainingSettings("QN", 300, 2, 0.0, 0.3, 5, 3, DEFAULT_SEED, null, BREAK_EVEN,
        Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  public TrainingSettings {
    if (!algorithm.equals("QN") && !algorithm.equals("GIS")) {
      throw new IllegalArgumentException("algorithm must be QN or GIS, not " + algorithm);
    }
    if (iterations < 1 || cutoff < 0 || l1Cost < 0 || l2Cost < 0 || folds < 2 || repeats < 1
        || threads < 1) {
      // Not "this": a compact constructor's fields are still unset while it checks.
      throw new IllegalArgumentException("invalid training settings: iterations " + iterations
          + ", cutoff " + cutoff + ", l1 " + l1Cost + ", l2 " + l2Cost + ", folds " + folds
          + ", repeats " + repeats + ", threads " + threads);
    }
    if (!thresholdRule.equals(BREAK_EVEN) && !thresholdRule.equals(MAX_F1)) {
      throw new IllegalArgumentException("threshold rule must be " + BREAK_EVEN + " or " + MAX_F1
          + ", not " + thresholdRule);
    }
    if (targetPrecision != null && (targetPrecision <= 0 || targetPrecision > 1)) {
      throw new IllegalArgumentException("target precision must be in (0, 1]");
    }
  }
}
