package org.trollscan.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.trollscan.normalize.PostText;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.output.Cells;
import org.trollscan.output.SpreadsheetSafety;
import org.trollscan.scoring.RowOutcome;

/**
 * One scoring task: turns rows of (text, id, malformed, kept columns...) into the output rows of
 * {@link ScoreJob}, and counts what it did in the job's accumulators when its partition is done.
 * In CSV mode every cell is the text {@code trollscan score} writes (six-decimal probabilities,
 * {@code ;}-joined labels, each label's evidence as a JSON array of phrases, spreadsheet-safe
 * text); otherwise values keep their types and each label's evidence is a list of
 * {@code (phrase, begin, end, weight)} structs, as in score's JSON Lines.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** Where the kept columns start in an input row. */
  static final int KEPT = 3;

  /** The job's counters; updated once per task, so a retried task is not counted twice. */
  record Counters(LongAccumulator rows, LongAccumulator empty, LongAccumulator malformed,
      LongAccumulator flagged, LongAccumulator truncated,
      CollectionAccumulator<String> taskExecutors)
      implements java.io.Serializable {}

  private final ShippedModel model;
  private final List<Label> labels;
  private final boolean csv;
  private final boolean spreadsheetSafe;
  private final Counters counters;

  ScorePartition(ShippedModel model, List<Label> labels, boolean csv, boolean spreadsheetSafe,
      Counters counters) {
    this.model = model;
    this.labels = List.copyOf(labels);
    this.csv = csv;
    this.spreadsheetSafe = spreadsheetSafe;
    this.counters = counters;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> in) {
    Scorer scorer = model.scorer();
    return new Iterator<>() {
      long rows;
      long empty;
      long malformed;
      long flagged;
      long truncated;
      boolean counted;

      @Override
      public boolean hasNext() {
        boolean more = in.hasNext();
        if (!more && !counted) {
          counted = true;
          counters.rows().add(rows);
          counters.empty().add(empty);
          counters.malformed().add(malformed);
          counters.flagged().add(flagged);
          counters.truncated().add(truncated);
          counters.taskExecutors().add(SparkEnv.get().executorId());
        }
        return more;
      }

      @Override
      public Row next() {
        Row r = in.next();
        rows++;
        Object[] out = new Object[1 + 2 * labels.size() + 1 + r.length() - KEPT];
        out[0] = csv ? text(r.isNullAt(1) ? null : r.get(1).toString()) : r.get(1);
        int at = 1;
        if (r.getBoolean(2)) {
          // Kept and counted, never dropped, but not scored: a malformed row's text may be
          // another column's value. Its score cells stay empty (null).
          malformed++;
          at += 2 * labels.size() + 1;
        } else {
          // A null text is an empty CSV field or a JSON null (or a field the line lacks: Spark
          // cannot tell them apart); like a blank one it is an empty post, scored 0 by rule.
          String text = r.isNullAt(0) ? "" : r.getString(0);
          boolean isEmpty = PostText.isEmpty(text);
          Score s = isEmpty ? RowOutcome.emptyScore(labels) : scorer.score(text, true);
          for (Label l : labels) {
            double p = s.probabilities().get(l);
            out[at++] = csv ? Cells.probability(p) : p;
          }
          out[at++] = csv ? Cells.flagged(s.flagged())
              : s.flagged().stream().map(Label::column).toArray(String[]::new);
          for (Label l : labels) {
            out[at++] = csv ? Cells.phrases(Cells.evidencePhrases(l, s))
                : TrollscanFunctions.spans(l, s);
          }
          empty += isEmpty ? 1 : 0;
          flagged += s.flagged().isEmpty() ? 0 : 1;
          truncated += s.truncated() ? 1 : 0;
        }
        for (int i = KEPT; i < r.length(); i++) {
          out[at++] = csv ? text(r.isNullAt(i) ? "" : r.getString(i)) : r.get(i);
        }
        return RowFactory.create(out);
      }
    };
  }

  /** A text cell as the CLI writes it: in CSV, neutralised for spreadsheets unless turned off. */
  private String text(String cell) {
    return csv && spreadsheetSafe ? SpreadsheetSafety.neutralize(cell) : cell;
  }
}
