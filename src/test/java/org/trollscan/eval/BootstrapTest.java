package org.trollscan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  /** Rows with one label, "harassment", a thread column and a slice column. */
  static List<Evaluation.ScoredRow> rows(double[] scores, boolean[] gold, String[] threads,
      String[] slice) {
    List<Evaluation.ScoredRow> rows = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      if (threads != null) {
        fields.put("thread_id", threads[i]);
      }
      if (slice != null) {
        fields.put("style", slice[i]);
      }
      rows.add(new Evaluation.ScoredRow("p" + i, "post " + i, Map.of("harassment", scores[i]),
          Map.of("harassment", gold[i]), fields, Map.of()));
    }
    return rows;
  }

  static Evaluation evaluation(List<Evaluation.ScoredRow> rows, double threshold,
      List<String> by) {
    return Evaluator.of(rows, Map.of("harassment", threshold), by);
  }

  static List<Evaluation.ScoredRow> random(int n, long seed, int threads) {
    Random r = new Random(seed);
    double[] s = new double[n];
    boolean[] g = new boolean[n];
    String[] t = new String[n];
    String[] style = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = r.nextDouble() < 0.3;
      s[i] = Math.min(1, Math.round((r.nextDouble() * 0.7 + (g[i] ? 0.3 : 0)) * 100) / 100.0);
      t[i] = "t" + r.nextInt(Math.max(1, threads));
      style[i] = r.nextBoolean() ? "reddit" : "forum";
    }
    return rows(s, g, threads > 0 ? t : null, style);
  }

  @Test
  void aTextbookResampleComputedByHand() {
    // Positives score 0.9 and 0.4, negatives 0.6 and 0.2; threshold 0.5.
    LabelSample sample = new LabelSample(new int[] {0, 1, 2, 3},
        new double[] {0.9, 0.6, 0.4, 0.2}, new boolean[] {true, false, true, false}, 0.5);
    double[] v = new double[Metric.values().length];
    // Post 0 drawn twice, post 2 not at all: 0.9+ 0.9+ 0.6- 0.2-.
    sample.compute(new int[] {2, 1, 0, 1}, v);
    assertEquals(2.0 / 3, v[Metric.PRECISION.ordinal()], 1e-15);
    assertEquals(1.0, v[Metric.RECALL.ordinal()], 1e-15);
    assertEquals(0.8, v[Metric.F1.ordinal()], 1e-15);
    assertEquals(0.75, v[Metric.ACCURACY.ordinal()], 1e-15);
    assertEquals(1.0, v[Metric.ROC_AUC.ordinal()], 1e-15);
    assertEquals(1.0, v[Metric.AVERAGE_PRECISION.ordinal()], 1e-15);
    assertEquals((2 * 0.01 + 0.36 + 0.04) / 4, v[Metric.BRIER.ordinal()], 1e-15);
    assertEquals((0.2 + 0.6 + 0.2) / 4, v[Metric.ECE.ordinal()], 1e-15);
    // Post 0 not drawn, post 3 twice: 0.6- 0.4+ 0.2- 0.2-. The positive beats two of three
    // negatives; ranked from the top it is second, so AP is 1 x 1/2.
    sample.compute(new int[] {0, 1, 1, 2}, v);
    assertEquals(0.0, v[Metric.PRECISION.ordinal()]);
    assertEquals(0.0, v[Metric.F1.ordinal()]);
    assertEquals(0.5, v[Metric.ACCURACY.ordinal()], 1e-15);
    assertEquals(2.0 / 3, v[Metric.ROC_AUC.ordinal()], 1e-15);
    assertEquals(0.5, v[Metric.AVERAGE_PRECISION.ordinal()], 1e-15);
    assertEquals((0.36 + 0.36 + 0.04 + 0.04) / 4, v[Metric.BRIER.ordinal()], 1e-15);
    assertEquals((0.6 + 0.6 + 0.4) / 4, v[Metric.ECE.ordinal()], 1e-15);
    // The 95% percentile interval of two values {0, 0.8} by linear interpolation.
    Interval f1 = Bootstrap.percentileInterval(new double[] {0.8, 0.0});
    assertEquals(0.02, f1.low(), 1e-15);
    assertEquals(0.78, f1.high(), 1e-15);
  }

  @Test
  void unitWeightsGiveThePointEstimateOfEveryMetric() {
    for (long seed = 0; seed < 20; seed++) {
      Evaluation e = evaluation(random(50 + (int) seed * 7, seed, 0), 0.5, List.of());
      int n = e.scored().size();
      int[] index = new int[n];
      double[] s = new double[n];
      boolean[] g = new boolean[n];
      for (int i = 0; i < n; i++) {
        index[i] = i;
        s[i] = e.scored().get(i).scores().get("harassment");
        g[i] = e.scored().get(i).gold().get("harassment");
      }
      int[] ones = new int[n];
      java.util.Arrays.fill(ones, 1);
      double[] v = new double[Metric.values().length];
      new LabelSample(index, s, g, 0.5).compute(ones, v);
      for (Metric m : Metric.values()) {
        assertEquals(m.of(e.labels().get("harassment")), v[m.ordinal()], 1e-12, m + " " + seed);
      }
    }
  }

  @Test
  void weightsGiveTheMetricsOfTheExpandedSampleWithTies() {
    Random r = new Random(17);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(40);
      int[] index = new int[n];
      double[] s = new double[n];
      boolean[] g = new boolean[n];
      int[] w = new int[n];
      int expanded = 0;
      for (int i = 0; i < n; i++) {
        index[i] = i;
        s[i] = r.nextInt(8) / 7.0; // few distinct scores: many ties, 0 and 1 included
        g[i] = r.nextBoolean();
        w[i] = r.nextInt(4);
        expanded += w[i];
      }
      double[] es = new double[expanded];
      boolean[] eg = new boolean[expanded];
      for (int i = 0, k = 0; i < n; i++) {
        for (int c = 0; c < w[i]; c++, k++) {
          es[k] = s[i];
          eg[k] = g[i];
        }
      }
      double[] v = new double[Metric.values().length];
      new LabelSample(index, s, g, 0.5).compute(w, v);
      if (expanded == 0) {
        continue;
      }
      LabelMetrics want = LabelMetrics.of(es, eg, 0.5);
      for (Metric m : Metric.values()) {
        double expected = m.of(want);
        if (Double.isNaN(expected)) {
          assertTrue(Double.isNaN(v[m.ordinal()]), m + " trial " + trial);
        } else {
          assertEquals(expected, v[m.ordinal()], 1e-12, m + " trial " + trial);
        }
      }
    }
  }

  @Test
  void aModelComparedWithItselfDiffersByExactlyZeroWithAZeroWidthInterval() {
    Evaluation e = evaluation(random(300, 7, 40), 0.5, List.of("style"));
    BootstrapResult r = Bootstrap.run(List.of(e, e), 1, new Bootstrap.Settings(200, 3));
    int checked = 0;
    for (Map<String, Map<Metric, Difference>> byLabel : r.differences().get(0).values()) {
      for (Map<Metric, Difference> byMetric : byLabel.values()) {
        for (Difference d : byMetric.values()) {
          assertEquals(0.0, d.value());
          assertEquals(0.0, d.interval().low());
          assertEquals(0.0, d.interval().high());
          assertTrue(!d.interval().excludesZero());
          checked++;
        }
      }
    }
    assertEquals(3 * Metric.values().length, checked); // overall and two slices
    assertTrue(r.differences().get(1).isEmpty(), "the reference has no difference");
  }

  @Test
  void aBetterModelShowsADifferenceWhoseIntervalExcludesZero() {
    List<Evaluation.ScoredRow> rows = random(400, 11, 0);
    List<Evaluation.ScoredRow> noisy = new ArrayList<>();
    Random r = new Random(5);
    for (Evaluation.ScoredRow row : rows) {
      noisy.add(new Evaluation.ScoredRow(row.id(), row.text(),
          Map.of("harassment", r.nextDouble()), row.gold(), row.fields(), Map.of()));
    }
    BootstrapResult result = Bootstrap.run(
        List.of(evaluation(rows, 0.5, List.of()), evaluation(noisy, 0.5, List.of())), 1,
        new Bootstrap.Settings(300, 1));
    Difference auc = result.difference(0, Scope.ALL, "harassment", Metric.ROC_AUC);
    assertTrue(auc.value() > 0.2, auc.toString());
    assertTrue(auc.interval().low() > 0 && auc.interval().excludesZero(), auc.toString());
    Interval own = result.interval(0, Scope.ALL, "harassment", Metric.ROC_AUC);
    assertTrue(own.low() < evaluation(rows, 0.5, List.of()).labels().get("harassment").auc());
  }

  @Test
  void threadsAreResampledWholeWhenThereIsAThreadColumn() {
    List<Evaluation.ScoredRow> rows = random(200, 3, 15);
    int[] clusterOf = new int[rows.size()];
    int clusters = Bootstrap.clusters(rows, clusterOf);
    assertTrue(clusters <= 15);
    int[] w = Bootstrap.weights(new SplittableRandom(4), clusterOf, clusters);
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < rows.size(); j++) {
        if (rows.get(i).fields().get("thread_id").equals(rows.get(j).fields().get("thread_id"))) {
          assertEquals(w[i], w[j]);
        }
      }
    }
    BootstrapResult r = Bootstrap.run(List.of(evaluation(rows, 0.5, List.of())), -1,
        new Bootstrap.Settings(10, 1));
    assertEquals("thread_id", r.unit());
    assertEquals(clusters, r.units());
    BootstrapResult posts = Bootstrap.run(List.of(evaluation(random(200, 3, 0), 0.5, List.of())),
        -1, new Bootstrap.Settings(10, 1));
    assertEquals("post", posts.unit());
    assertEquals(200, posts.units());
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    Evaluation e = evaluation(random(300, 9, 50), 0.5, List.of("style"));
    BootstrapResult a = Bootstrap.run(List.of(e), -1, new Bootstrap.Settings(100, 42));
    BootstrapResult b = Bootstrap.run(List.of(e), -1, new Bootstrap.Settings(100, 42));
    BootstrapResult c = Bootstrap.run(List.of(e), -1, new Bootstrap.Settings(100, 43));
    assertEquals(a.intervals(), b.intervals());
    assertNotEquals(a.intervals(), c.intervals());
  }

  @Test
  void aThousandResamplesOfTenThousandPostsTakeSecondsNotMinutes() {
    List<Evaluation.ScoredRow> rows = random(10_000, 1, 2_000);
    Evaluation e = evaluation(rows, 0.5, List.of("style"));
    long start = System.nanoTime();
    Bootstrap.run(List.of(e, e), 1, new Bootstrap.Settings(1000, 1));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("bootstrap: 1000 resamples, 10,000 posts, 2 models, 1 slice column: %.2f s%n",
        seconds);
    assertTrue(seconds < 20, seconds + " s");
  }
}
