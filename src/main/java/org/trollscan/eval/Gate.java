package org.trollscan.eval;

import java.util.Map;

/**
 * A quality gate from {@code --min LABEL:METRIC=VALUE}: the run fails when the metric is below
 * the value, or undefined (NaN), or the label was not evaluated.
 */
public record Gate(String label, String metric, double min) {

  /** Parses "harassment:auc=0.85". */
  public static Gate parse(String spec) {
    int colon = spec.indexOf(':');
    int eq = spec.indexOf('=');
    if (colon <= 0 || eq <= colon + 1 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("--min must look like LABEL:METRIC=VALUE, not '" + spec + "'");
    }
    String metric = spec.substring(colon + 1, eq);
    LabelMetrics probe = LabelMetrics.of(new double[] {0}, new boolean[] {false}, 0.5);
    if (probe.get(metric) == null) {
      throw new IllegalArgumentException("--min: unknown metric '" + metric
          + "' (precision, recall, f1, accuracy, auc, ap, brier, ece)");
    }
    try {
      return new Gate(spec.substring(0, colon), metric, Double.parseDouble(spec.substring(eq + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--min: '" + spec.substring(eq + 1) + "' is not a number");
    }
  }

  /** The outcome of checking a gate. */
  public record Result(Gate gate, double value, boolean passed) {}

  public Result check(Map<String, LabelMetrics> metrics) {
    LabelMetrics m = metrics.get(label);
    double value = m == null ? Double.NaN : m.get(metric);
    // Lower is better for these two, so their gate is a ceiling.
    boolean lowerIsBetter = metric.equals("brier") || metric.equals("ece");
    boolean passed = !Double.isNaN(value) && (lowerIsBetter ? value <= min : value >= min);
    return new Result(this, value, passed);
  }
}
