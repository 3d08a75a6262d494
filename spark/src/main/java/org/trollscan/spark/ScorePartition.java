package org.trollscan.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.output.Cells;
import org.trollscan.output.SpreadsheetSafety;

/**
 * One scoring task: turns rows of (text, id, malformed, kept columns...) into the output rows of
 * {@link ScoreJob}, and counts what it did in the job's accumulators when its partition is done.
 * In CSV mode every cell is the text {@code trollscan score} writes (six-decimal probabilities,
 * {@code ;}-joined labels, spreadsheet-safe text); otherwise values keep their types.
 */
final class ScorePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** Where the kept columns start in an input row. */
  static final int KEPT = 3;

  /** The job's counters; updated once per task, so a retried task is not counted twice. */
  record Counters(LongAccumulator rows, LongAccumulator noText, LongAccumulator malformed,
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
      long noText;
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
          counters.noText().add(noText);
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
        String text = r.isNullAt(0) ? null : r.getString(0);
        Object[] out = new Object[1 + labels.size() + 2 + r.length() - KEPT];
        out[0] = csv ? text(r.isNullAt(1) ? null : r.get(1).toString()) : r.get(1);
        int at = 1;
        boolean badRow = r.getBoolean(2);
        if (badRow || text == null || text.isBlank()) {
          // Kept and counted, never dropped: its score cells stay empty (null). A malformed
          // row's text may be another column's value, so it is not scored either.
          if (badRow) {
            malformed++;
          } else {
            noText++;
          }
          at += labels.size() + 2;
        } else {
          Score s = scorer.score(text, true);
          for (Label l : labels) {
            double p = s.probabilities().get(l);
            out[at++] = csv ? Cells.probability(p) : p;
          }
          out[at++] = csv ? Cells.flagged(s.flagged())
              : s.flagged().stream().map(Label::column).toArray(String[]::new);
          out[at++] = text(Cells.evidence(s.flagged(), s.evidence()));
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
