package org.trollscan.eval;

import java.util.List;
import java.util.Locale;

/**
 * A quality gate of {@code trollscan eval}.
 *
 * <ul>
 *   <li>{@code --min LABEL.METRIC=VALUE}: fails when the metric's point estimate is below the
 *       value (above it for brier and ece, which are ceilings), undefined, or the label was not
 *       evaluated. The interval is reported beside it but not compared.
 *   <li>{@code --max-drop LABEL.METRIC=VALUE}: fails when the drop from the baseline is credibly
 *       larger than allowed: when the lower bound of the 95% bootstrap interval of the drop
 *       (baseline minus model; model minus baseline for brier and ece) exceeds the value. A drop
 *       whose interval still reaches down to the allowance passes. An undefined interval fails.
 * </ul>
 *
 * <p>Label settings have one syntax on every option: {@code LABEL=VALUE} ({@code --threshold}),
 * {@code LABEL.METRIC=VALUE} (gates). {@code LABEL:METRIC=VALUE}, the syntax of earlier
 * versions, is still accepted, with a deprecation note ({@link #deprecationNote}).
 */
public record Gate(Kind kind, String label, Metric metric, double value) {

  /** Which kind of gate. */
  public enum Kind {
    MIN("--min"),
    MAX_DROP("--max-drop");

    private final String option;

    Kind(String option) {
      this.option = option;
    }

    public String option() {
      return option;
    }
  }

  /**
   * Parses "harassment.f1=0.8" (or "harassment:f1=0.8") for an option; every mistake is an
   * IllegalArgumentException naming it, so that the run stops before any work.
   *
   * @param labels the label names that exist
   */
  public static Gate parse(Kind kind, String spec, List<String> labels) {
    int eq = spec.indexOf('=');
    int sep = eq < 0 ? -1 : Math.max(spec.lastIndexOf(':', eq), spec.lastIndexOf('.', eq));
    if (eq < 0 || sep <= 0 || eq == sep + 1 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(kind.option() + " must look like LABEL.METRIC=VALUE "
          + "(e.g. harassment.f1=0.8), not '" + spec + "'");
    }
    String label = spec.substring(0, sep).strip();
    if (!labels.contains(label)) {
      throw new IllegalArgumentException(kind.option() + " " + spec + ": unknown label '" + label
          + "' (" + String.join(", ", labels) + ")");
    }
    Metric metric = Metric.byName(spec.substring(sep + 1, eq));
    if (metric == null) {
      throw new IllegalArgumentException(kind.option() + " " + spec + ": unknown metric '"
          + spec.substring(sep + 1, eq) + "' (" + Metric.names() + ")");
    }
    double value;
    try {
      value = Double.parseDouble(spec.substring(eq + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(kind.option() + " " + spec + ": '"
          + spec.substring(eq + 1) + "' is not a number");
    }
    // NaN would make the gate fail whatever the model; every metric lies in [0, 1].
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(kind.option() + " " + spec
          + ": the value must be a number from 0 to 1");
    }
    return new Gate(kind, label, metric, value);
  }

  /**
   * A note for a gate written in the deprecated {@code LABEL:METRIC=VALUE} form, saying how to
   * write it; null for the current form. Only for a spec {@link #parse} accepted.
   */
  public static String deprecationNote(Kind kind, String spec) {
    int eq = spec.indexOf('=');
    int colon = spec.lastIndexOf(':', eq);
    if (eq < 0 || colon < 0 || colon < spec.lastIndexOf('.', eq)) {
      return null;
    }
    return kind.option() + " " + spec + ": LABEL:METRIC is deprecated and will be refused in a"
        + " later version; write " + spec.substring(0, colon) + "." + spec.substring(colon + 1)
        + " (LABEL.METRIC=VALUE, as --threshold's LABEL=VALUE)";
  }

  /**
   * The outcome of a gate for one model.
   *
   * @param model the model's name
   * @param baseline the baseline's name (max-drop) or null
   * @param observed the point estimate (min) or the point drop (max-drop); NaN if undefined
   * @param interval the 95% interval of the observed value, undefined without a bootstrap
   */
  public record Result(Gate gate, String model, String baseline, double observed,
      Interval interval, boolean passed) {

    /** One line for a CI log. */
    public String describe() {
      String name = gate.label() + "." + gate.metric().key();
      String interval = this.interval.defined() ? String.format(Locale.ROOT, " [%.4f, %.4f]",
          this.interval.low(), this.interval.high()) : "";
      String value = Double.isNaN(observed) ? "undefined"
          : String.format(Locale.ROOT, "%.4f", observed);
      if (gate.kind() == Kind.MIN) {
        return String.format(Locale.ROOT, "%s %s = %s%s, required %s %s (model %s)",
            gate.kind().option(), name, value, interval,
            gate.metric().lowerIsBetter() ? "<=" : ">=", num(gate.value()), model);
      }
      return String.format(Locale.ROOT,
          "%s %s: drop from %s to %s = %s%s, fails when the interval's lower bound exceeds %s",
          gate.kind().option(), name, baseline, model, value, interval, num(gate.value()));
    }

    private static String num(double v) {
      return String.format(Locale.ROOT, "%s", v);
    }
  }

  /** A --min gate against a model's point estimate (its interval only reported). */
  public Result checkMin(String model, LabelMetrics metrics, Interval interval) {
    double v = metrics == null ? Double.NaN : metric.of(metrics);
    boolean passed = !Double.isNaN(v)
        && (metric.lowerIsBetter() ? v <= value : v >= value);
    return new Result(this, model, null, v, interval == null ? Interval.UNDEFINED : interval,
        passed);
  }

  /** A --max-drop gate against the paired difference of model minus baseline. */
  public Result checkDrop(String model, String baseline, Difference difference) {
    if (difference == null) {
      return new Result(this, model, baseline, Double.NaN, Interval.UNDEFINED, false);
    }
    Interval d = difference.interval();
    double drop = metric.lowerIsBetter() ? difference.value() : -difference.value();
    Interval dropInterval = metric.lowerIsBetter() ? d : new Interval(-d.high(), -d.low());
    boolean passed = dropInterval.defined() && !(dropInterval.low() > value);
    return new Result(this, model, baseline, drop, dropInterval, passed);
  }
}
