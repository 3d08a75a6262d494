package org.trollscan.eval;

/**
 * A bootstrap percentile interval; both bounds NaN when the metric was undefined in too many
 * resamples (see {@link Bootstrap}).
 */
public record Interval(double low, double high) {
  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  public boolean defined() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }

  /** True when 0 lies outside the interval: a difference unlikely to be chance. */
  public boolean excludesZero() {
    return defined() && (low > 0 || high < 0);
  }
}
