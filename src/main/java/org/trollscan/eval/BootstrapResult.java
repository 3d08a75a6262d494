package org.trollscan.eval;

import java.util.List;
import java.util.Map;

/**
 * What a {@link Bootstrap} found.
 *
 * @param resamples how many resamples
 * @param seed the seed they were drawn from
 * @param unit what was resampled: {@code thread_id} (threads) or {@code post}
 * @param units how many units there are
 * @param reference the index of the model differences are taken against, or -1
 * @param intervals per model (in the order given): scope to label to metric to interval
 * @param differences per model: scope to label to metric to the difference from the reference;
 *     empty for the reference itself and when there is none
 */
public record BootstrapResult(
    int resamples,
    long seed,
    String unit,
    int units,
    int reference,
    List<Map<Scope, Map<String, Map<Metric, Interval>>>> intervals,
    List<Map<Scope, Map<String, Map<Metric, Difference>>>> differences) {

  /** A model's interval of a metric, or undefined when it was not computed. */
  public Interval interval(int model, Scope scope, String label, Metric metric) {
    Map<String, Map<Metric, Interval>> byLabel = intervals.get(model).get(scope);
    Map<Metric, Interval> byMetric = byLabel == null ? null : byLabel.get(label);
    return byMetric == null ? Interval.UNDEFINED : byMetric.get(metric);
  }

  /** A model's difference from the reference, or null when there is none. */
  public Difference difference(int model, Scope scope, String label, Metric metric) {
    Map<String, Map<Metric, Difference>> byLabel = differences.get(model).get(scope);
    Map<Metric, Difference> byMetric = byLabel == null ? null : byLabel.get(label);
    return byMetric == null ? null : byMetric.get(metric);
  }
}
