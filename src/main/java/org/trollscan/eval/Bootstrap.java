package org.trollscan.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Bootstrap intervals for every {@link Metric} of every model, label and slice, and paired
 * differences between models.
 *
 * <p>A resample draws as many units as there are, with replacement. The unit is the thread when
 * the data has a {@value #CLUSTER_COLUMN} column (a cluster bootstrap: posts of one thread are not
 * independent, and resampling them one by one would give intervals too narrow), else the post; a
 * row with an empty {@value #CLUSTER_COLUMN} is a thread of its own. Every model, label and slice
 * is measured on the same resamples, so differences are paired. A slice's resample is the
 * overall resample's rows in that slice. The interval is the percentile interval: the 2.5th and
 * 97.5th percentiles of the resampled values, interpolated linearly between order statistics
 * (numpy's default). Resamples in which a metric is undefined (ROC-AUC with one class) are left
 * out; when they are half or more, the interval is undefined.
 *
 * <p>Reproducible: resample b draws from its own generator, seeded from the run's seed, so the
 * result does not depend on how many threads computed it.
 */
public final class Bootstrap {
  public static final int DEFAULT_RESAMPLES = 1000;
  public static final long DEFAULT_SEED = 1;
  public static final double CONFIDENCE = 0.95;
  public static final String CLUSTER_COLUMN = "thread_id";

  private Bootstrap() {}

  /** How many resamples, drawn from which seed. */
  public record Settings(int resamples, long seed) {
    public Settings {
      if (resamples < 1) {
        throw new IllegalArgumentException("resamples must be at least 1");
      }
    }
  }

  /**
   * Intervals for every model, and differences against the reference.
   *
   * @param models evaluations of the same rows, in the same order, by different models
   * @param reference index of the model differences are taken against, or -1 for none
   */
  public static BootstrapResult run(List<Evaluation> models, int reference, Settings settings) {
    List<Evaluation.ScoredRow> rows = models.get(0).scored();
    for (Evaluation e : models) {
      if (e.scored().size() != rows.size()) {
        throw new IllegalArgumentException("models were evaluated on different rows");
      }
    }
    int n = rows.size();
    int[] clusterOf = new int[n];
    int clusters = clusters(rows, clusterOf);
    boolean byThread = rows.stream().anyMatch(r -> r.fields().containsKey(CLUSTER_COLUMN));

    List<Scope> scopes = new ArrayList<>();
    List<int[]> scopeRows = new ArrayList<>();
    scopes.add(Scope.ALL);
    scopeRows.add(IntStream.range(0, n).toArray());
    models.get(0).slices().forEach((column, values) -> values.keySet().forEach(value -> {
      scopes.add(new Scope(column, value));
      scopeRows.add(IntStream.range(0, n)
          .filter(i -> rows.get(i).fields().getOrDefault(column, "").equals(value)).toArray());
    }));
    List<String> labels = List.copyOf(models.get(0).labels().keySet());

    LabelSample[][][] samples = new LabelSample[models.size()][scopes.size()][labels.size()];
    for (int m = 0; m < models.size(); m++) {
      Evaluation e = models.get(m);
      for (int s = 0; s < scopes.size(); s++) {
        for (int l = 0; l < labels.size(); l++) {
          samples[m][s][l] = sample(e, labels.get(l), scopeRows.get(s));
        }
      }
    }

    long[] seeds = new long[settings.resamples()];
    SplittableRandom master = new SplittableRandom(settings.seed());
    for (int b = 0; b < seeds.length; b++) {
      seeds[b] = master.nextLong();
    }
    double[][][][][] dist = distribution(samples, settings.resamples(),
        b -> weights(new SplittableRandom(seeds[b]), clusterOf, clusters));

    List<Map<Scope, Map<String, Map<Metric, Interval>>>> intervals = new ArrayList<>();
    List<Map<Scope, Map<String, Map<Metric, Difference>>>> differences = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      Map<Scope, Map<String, Map<Metric, Interval>>> byScope = new LinkedHashMap<>();
      Map<Scope, Map<String, Map<Metric, Difference>>> diffByScope = new LinkedHashMap<>();
      for (int s = 0; s < scopes.size(); s++) {
        Map<String, Map<Metric, Interval>> byLabel = new LinkedHashMap<>();
        Map<String, Map<Metric, Difference>> diffByLabel = new LinkedHashMap<>();
        for (int l = 0; l < labels.size(); l++) {
          if (samples[m][s][l] == null) {
            continue;
          }
          Map<Metric, Interval> byMetric = new LinkedHashMap<>();
          for (Metric metric : Metric.values()) {
            byMetric.put(metric, percentileInterval(dist[m][s][l][metric.ordinal()]));
          }
          byLabel.put(labels.get(l), byMetric);
          if (reference >= 0 && m != reference && samples[reference][s][l] != null) {
            LabelMetrics mine = models.get(m).at(scopes.get(s)).get(labels.get(l));
            LabelMetrics theirs = models.get(reference).at(scopes.get(s)).get(labels.get(l));
            Map<Metric, Difference> diffs = new LinkedHashMap<>();
            for (Metric metric : Metric.values()) {
              double[] a = dist[m][s][l][metric.ordinal()];
              double[] r = dist[reference][s][l][metric.ordinal()];
              double[] d = new double[a.length];
              for (int b = 0; b < d.length; b++) {
                d[b] = a[b] - r[b];
              }
              diffs.put(metric, new Difference(metric.of(mine) - metric.of(theirs),
                  percentileInterval(d)));
            }
            diffByLabel.put(labels.get(l), diffs);
          }
        }
        byScope.put(scopes.get(s), byLabel);
        diffByScope.put(scopes.get(s), diffByLabel);
      }
      intervals.add(byScope);
      differences.add(m == reference || reference < 0 ? Map.of() : diffByScope);
    }
    return new BootstrapResult(settings.resamples(), settings.seed(),
        byThread ? CLUSTER_COLUMN : "post", clusters, reference, intervals, differences);
  }

  /** Numbers the units (threads, or posts without a thread column); returns their count. */
  static int clusters(List<Evaluation.ScoredRow> rows, int[] clusterOf) {
    Map<String, Integer> ids = new HashMap<>();
    int next = 0;
    for (int i = 0; i < rows.size(); i++) {
      String thread = rows.get(i).fields().get(CLUSTER_COLUMN);
      if (thread == null || thread.isBlank()) {
        clusterOf[i] = next++;
      } else {
        Integer id = ids.get(thread);
        if (id == null) {
          id = next++;
          ids.put(thread, id);
        }
        clusterOf[i] = id;
      }
    }
    return next;
  }

  private static LabelSample sample(Evaluation e, String label, int[] scopeRows) {
    LabelMetrics overall = e.labels().get(label);
    if (overall == null) {
      return null;
    }
    int[] rows = Arrays.stream(scopeRows)
        .filter(i -> e.scored().get(i).gold().containsKey(label)).toArray();
    if (rows.length == 0) {
      return null;
    }
    double[] s = new double[rows.length];
    boolean[] g = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) {
      Evaluation.ScoredRow r = e.scored().get(rows[k]);
      s[k] = r.scores().get(label);
      g[k] = r.gold().get(label);
    }
    return new LabelSample(rows, s, g, overall.threshold());
  }

  /** One resample: how often each row was drawn, by drawing units with replacement. */
  static int[] weights(SplittableRandom random, int[] clusterOf, int clusters) {
    int[] drawn = new int[clusters];
    for (int c = 0; c < clusters; c++) {
      drawn[random.nextInt(clusters)]++;
    }
    int[] w = new int[clusterOf.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = drawn[clusterOf[i]];
    }
    return w;
  }

  /**
   * Every metric of every sample on every resample: {@code [model][scope][label][metric][b]}
   * (NaN where a sample is null). Resamples run in parallel; each writes only its own column.
   */
  static double[][][][][] distribution(LabelSample[][][] samples, int resamples,
      IntFunction<int[]> weights) {
    int metrics = Metric.values().length;
    double[][][][][] out = new double[samples.length][][][][];
    for (int m = 0; m < samples.length; m++) {
      out[m] = new double[samples[m].length][][][];
      for (int s = 0; s < samples[m].length; s++) {
        out[m][s] = new double[samples[m][s].length][metrics][resamples];
      }
    }
    IntStream.range(0, resamples).parallel().forEach(b -> {
      int[] w = weights.apply(b);
      double[] values = new double[metrics];
      for (int m = 0; m < samples.length; m++) {
        for (int s = 0; s < samples[m].length; s++) {
          for (int l = 0; l < samples[m][s].length; l++) {
            LabelSample sample = samples[m][s][l];
            if (sample == null) {
              Arrays.fill(values, Double.NaN);
            } else {
              sample.compute(w, values);
            }
            for (int k = 0; k < metrics; k++) {
              out[m][s][l][k][b] = values[k];
            }
          }
        }
      }
    });
    return out;
  }

  /** The central {@link #CONFIDENCE} percentile interval of the defined values. */
  static Interval percentileInterval(double[] values) {
    double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (defined.length == 0 || defined.length * 2 <= values.length) {
      return Interval.UNDEFINED;
    }
    double tail = (1 - CONFIDENCE) / 2;
    return new Interval(percentile(defined, tail), percentile(defined, 1 - tail));
  }

  /** The q-quantile of sorted values, interpolated linearly (numpy's "linear" method). */
  static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    double fraction = position - below;
    if (sorted[below] == sorted[above]) {
      return sorted[below];
    }
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
