package org.trollscan.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.trollscan.input.LabelledPost;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Scorer;
import org.trollscan.model.Score;

/** Scores labelled posts with a model and computes every metric, overall and per slice. */
public final class Evaluator {
  private final Scorer scorer;

  public Evaluator(Scorer scorer) {
    this.scorer = scorer;
  }

  public Evaluation evaluate(List<LabelledPost> posts, List<String> sliceColumns) {
    Map<String, Double> thresholds = new LinkedHashMap<>();
    for (Label label : scorer.bundle().labels()) {
      thresholds.put(label.column(), scorer.bundle().model(label).threshold());
    }
    return evaluate(posts, sliceColumns, null, thresholds);
  }

  /**
   * Scores the posts in their threads ({@code eval --thread-column}): each post's post-alone
   * score, computed in parallel, passes through {@code context} in file order.
   *
   * @param thresholds label name to the threshold in context, in the order to report the labels
   */
  public Evaluation evaluateInContext(List<LabelledPost> posts, List<String> sliceColumns,
      org.trollscan.scoring.ThreadContext context, Map<String, Double> thresholds) {
    return evaluate(posts, sliceColumns, context, thresholds);
  }

  private Evaluation evaluate(List<LabelledPost> posts, List<String> sliceColumns,
      org.trollscan.scoring.ThreadContext context, Map<String, Double> thresholds) {
    Score[] alone = new Score[posts.size()];
    IntStream.range(0, posts.size()).parallel()
        .forEach(i -> alone[i] = scorer.score(posts.get(i).post().text(), true, true));
    Evaluation.ScoredRow[] rows = new Evaluation.ScoredRow[posts.size()];
    for (int i = 0; i < posts.size(); i++) {
      LabelledPost p = posts.get(i);
      // In file order: a post's context is the posts of its thread before it.
      Score score = context == null ? alone[i] : context.apply(p.post(), alone[i]);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, List<String>> evidence = new LinkedHashMap<>();
      Map<String, List<EvidenceSpan>> spans = new LinkedHashMap<>();
      score.probabilities().forEach((label, prob) -> scores.put(label.column(), prob));
      score.evidence().forEach((label, phrases) -> evidence.put(label.column(), phrases));
      score.spans().forEach((label, found) -> spans.put(label.column(), found));
      rows[i] = new Evaluation.ScoredRow(p.post().id(), p.post().text(), scores, p.gold(),
          p.post().fields(), evidence, spans);
    }
    return of(List.of(rows), thresholds, sliceColumns);
  }

  /**
   * The metrics of scored rows.
   *
   * @param thresholds label name to its decision threshold, in the order to report the labels
   * @param sliceColumns columns to report per value of (rows without the column: value "")
   */
  public static Evaluation of(List<Evaluation.ScoredRow> scored, Map<String, Double> thresholds,
      List<String> sliceColumns) {
    Map<String, LabelMetrics> overall = metrics(scored, thresholds);
    Map<String, Map<String, Map<String, LabelMetrics>>> slices = new LinkedHashMap<>();
    for (String column : sliceColumns) {
      Map<String, List<Evaluation.ScoredRow>> groups = new TreeMap<>();
      for (Evaluation.ScoredRow r : scored) {
        groups.computeIfAbsent(r.fields().getOrDefault(column, ""), k -> new ArrayList<>()).add(r);
      }
      Map<String, Map<String, LabelMetrics>> byValue = new LinkedHashMap<>();
      groups.forEach((value, rs) -> byValue.put(value, metrics(rs, thresholds)));
      slices.put(column, byValue);
    }
    return new Evaluation(scored.size(), overall, slices, scored);
  }

  private static Map<String, LabelMetrics> metrics(List<Evaluation.ScoredRow> rows,
      Map<String, Double> thresholds) {
    Map<String, LabelMetrics> out = new LinkedHashMap<>();
    thresholds.forEach((name, threshold) -> {
      List<Evaluation.ScoredRow> labelled = rows.stream()
          .filter(r -> r.gold().containsKey(name)).toList();
      if (labelled.isEmpty()) {
        return;
      }
      double[] s = new double[labelled.size()];
      boolean[] g = new boolean[labelled.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = labelled.get(i).scores().get(name);
        g[i] = labelled.get(i).gold().get(name);
      }
      out.put(name, LabelMetrics.of(s, g, threshold));
    });
    return out;
  }
}
