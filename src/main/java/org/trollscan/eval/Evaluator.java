package org.trollscan.eval;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trollscan.input.InputException;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.input.LabelledPost;
import org.trollscan.input.Post;
import org.trollscan.normalize.PostText;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.scoring.PostScorer;
import org.trollscan.scoring.ScoreSink;
import org.trollscan.scoring.ScoringRun;

/**
 * Scores labelled files with a model on the streaming driver {@code score} uses
 * ({@link ScoringRun}) and computes every metric, overall and per slice.
 */
public final class Evaluator {
  private final Scorer scorer;

  public Evaluator(Scorer scorer) {
    this.scorer = scorer;
  }

  /**
   * Where the labelled rows come from.
   *
   * @param files labelled CSV files (LABELLING.md), "-" for {@code stdin}
   * @param stdin what "-" reads
   * @param threads scoring threads
   */
  public record Data(List<String> files, InputStream stdin, int threads) {
    public Data {
      files = List.copyOf(files);
    }

    /** The files, stdin unused, on all cores. */
    public static Data of(List<String> files) {
      return new Data(files, InputStream.nullInputStream(),
          Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * Scores every row of the files, in order, with evidence for every label, and computes the
   * metrics. A row the reader rejects or a bad label cell stops the run (exit 3): an evaluation
   * that skipped rows would not be the evaluation of that file.
   */
  public Evaluation evaluate(Data data, List<String> sliceColumns) throws IOException {
    return evaluate(data, sliceColumns, null, null);
  }

  /**
   * Scores the posts in their threads ({@code eval --thread-column}): each post's post-alone
   * score passes through {@code context} in file order, as in {@code score}.
   *
   * @param thresholds label name to the threshold in context, in the order to report the labels
   */
  public Evaluation evaluateInContext(Data data, List<String> sliceColumns,
      org.trollscan.scoring.ThreadContext context, Map<String, Double> thresholds)
      throws IOException {
    return evaluate(data, sliceColumns, context, thresholds);
  }

  private Evaluation evaluate(Data data, List<String> sliceColumns,
      org.trollscan.scoring.ThreadContext context, Map<String, Double> contextThresholds)
      throws IOException {
    ScoringRun.Options options = new ScoringRun.Options(data.files(),
        LabelledCorpusReader.FORMAT, LabelledCorpusReader.readerOptions(), data.threads(),
        false, true, false);
    Rows rows = new Rows(new LabelledCorpusReader(Label.columns()));
    new ScoringRun(PostScorer.of(scorer.bundle().labels(),
        (text, evidence) -> scorer.score(text, evidence, true)), options, data.stdin(),
        ScoringRun.Progress.NONE, null, context)
        .run(rows, row -> {
          throw LabelledCorpusReader.rejected(row);
        });
    Map<String, Double> thresholds = new LinkedHashMap<>();
    for (Label label : scorer.bundle().labels()) {
      thresholds.put(label.column(), scorer.bundle().model(label).threshold());
    }
    if (contextThresholds != null) {
      thresholds = new LinkedHashMap<>(contextThresholds);
    }
    return of(List.copyOf(rows.scored), thresholds, sliceColumns);
  }

  /** Collects the run's scored posts with their gold labels, in input order. */
  private static final class Rows implements ScoreSink {
    private final LabelledCorpusReader labels;
    private final List<Evaluation.ScoredRow> scored = new ArrayList<>();

    Rows(LabelledCorpusReader labels) {
      this.labels = labels;
    }

    @Override
    public void accept(Post post, Score score) {
      String empty = PostText.refusalInCorpus(post.text());
      if (empty != null) {
        throw new InputException(post.source(), post.line(), empty);
      }
      LabelledPost p = labels.labelled(post);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, List<String>> evidence = new LinkedHashMap<>();
      Map<String, List<EvidenceSpan>> spans = new LinkedHashMap<>();
      score.probabilities().forEach((label, prob) -> scores.put(label.column(), prob));
      score.evidence().forEach((label, phrases) -> evidence.put(label.column(), phrases));
      score.spans().forEach((label, found) -> spans.put(label.column(), found));
      scored.add(new Evaluation.ScoredRow(post.id(), post.text(), scores, p.gold(),
          post.fields(), evidence, spans));
    }
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
