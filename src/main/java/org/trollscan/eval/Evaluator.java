package org.trollscan.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.trollscan.input.LabelledPost;
import org.trollscan.model.Score;
import org.trollscan.model.Label;
import org.trollscan.model.LabelModel;
import org.trollscan.model.Scorer;

/** Scores labelled posts with a model and computes every metric, overall and per slice. */
public final class Evaluator {
  private final Scorer scorer;

  public Evaluator(Scorer scorer) {
    this.scorer = scorer;
  }

  public Evaluation evaluate(List<LabelledPost> posts, List<String> sliceColumns) {
    Evaluation.ScoredRow[] rows = new Evaluation.ScoredRow[posts.size()];
    IntStream.range(0, posts.size()).parallel().forEach(i -> {
      LabelledPost p = posts.get(i);
      Score score = scorer.score(p.post().text(), true, true);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, List<String>> evidence = new LinkedHashMap<>();
      score.probabilities().forEach((label, prob) -> scores.put(label.column(), prob));
      score.evidence().forEach((label, phrases) -> evidence.put(label.column(), phrases));
      rows[i] = new Evaluation.ScoredRow(p.post().id(), p.post().text(), scores, p.gold(),
          p.post().fields(), evidence);
    });
    List<Evaluation.ScoredRow> scored = List.of(rows);
    Map<String, LabelMetrics> overall = metrics(scored);
    Map<String, Map<String, Map<String, LabelMetrics>>> slices = new LinkedHashMap<>();
    for (String column : sliceColumns) {
      Map<String, List<Evaluation.ScoredRow>> groups = new TreeMap<>();
      for (Evaluation.ScoredRow r : scored) {
        groups.computeIfAbsent(r.fields().getOrDefault(column, ""), k -> new ArrayList<>()).add(r);
      }
      Map<String, Map<String, LabelMetrics>> byValue = new LinkedHashMap<>();
      groups.forEach((value, rs) -> byValue.put(value, metrics(rs)));
      slices.put(column, byValue);
    }
    return new Evaluation(posts.size(), overall, slices, scored);
  }

  private Map<String, LabelMetrics> metrics(List<Evaluation.ScoredRow> rows) {
    Map<String, LabelMetrics> out = new LinkedHashMap<>();
    for (Label label : scorer.bundle().labels()) {
      String name = label.column();
      List<Evaluation.ScoredRow> labelled = rows.stream()
          .filter(r -> r.gold().containsKey(name)).toList();
      if (labelled.isEmpty()) {
        continue;
      }
      double[] s = new double[labelled.size()];
      boolean[] g = new boolean[labelled.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = labelled.get(i).scores().get(name);
        g[i] = labelled.get(i).gold().get(name);
      }
      LabelModel m = scorer.bundle().model(label);
      out.put(name, LabelMetrics.of(s, g, m.threshold()));
    }
    return out;
  }
}
