package org.trollscan.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trollscan.output.CsvOutput;

/** The readable table an evaluation prints, and the per-row predictions CSV. */
public final class EvaluationText {
  private EvaluationText() {}

  /** The table of every label, then of every slice. */
  public static void printTable(PrintWriter out, Evaluation e, String modelVersion) {
    out.printf(Locale.ROOT, "%d rows, model %s%n%n", e.rows(), modelVersion);
    printLabels(out, "", e.labels());
    e.slices().forEach((column, values) -> {
      out.printf("%nby %s:%n", column);
      values.forEach((value, labels) ->
          printLabels(out, value.isEmpty() ? "(empty)" : value, labels));
    });
    out.flush();
  }

  private static void printLabels(PrintWriter out, String slice, Map<String, LabelMetrics> labels) {
    if (slice.isEmpty()) {
      out.printf("%-36s %7s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s%n", "label",
          "support", "pos", "thresh", "prec", "recall", "f1", "auc", "ap", "brier", "ece", "tp",
          "fp", "tn", "fn", "bestT");
    }
    labels.forEach((label, m) -> {
      String name = slice.isEmpty() ? label : "  " + slice + " / " + label;
      if (m.positives() == 0 || m.positives() == m.support()) {
        out.printf(Locale.ROOT, "%-36s %7d  one class only: pass rate %.3f%n", name, m.support(),
            m.accuracy());
        return;
      }
      Metrics.Confusion c = m.confusion();
      out.printf(Locale.ROOT,
          "%-36s %7d %6d %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6d %6d %6d %6d %6.3f%n",
          name, m.support(), m.positives(), m.threshold(), m.precision(), m.recall(), m.f1(),
          m.auc(), m.averagePrecision(), m.brier(), m.ece(), c.truePositives(),
          c.falsePositives(), c.trueNegatives(), c.falseNegatives(), m.bestF1Threshold());
    });
  }

  /**
   * id, then per label its score and gold value (empty when not labelled), then the text; cells
   * neutralised for spreadsheets unless {@code spreadsheetSafe} is off.
   */
  public static void writePredictions(Evaluation e, List<String> labels, OutputStream stream,
      boolean spreadsheetSafe) throws IOException {
    List<String> header = new ArrayList<>(List.of("id"));
    for (String l : labels) {
      header.add(l + "_score");
      header.add(l + "_gold");
    }
    header.add("text");
    CsvOutput p = new CsvOutput(stream, spreadsheetSafe);
    p.printRecord(header);
    for (Evaluation.ScoredRow r : e.scored()) {
      List<String> row = new ArrayList<>(List.of(r.id()));
      for (String l : labels) {
        row.add(String.format(Locale.ROOT, "%.6f", r.scores().get(l)));
        Boolean g = r.gold().get(l);
        row.add(g == null ? "" : g ? "1" : "0");
      }
      row.add(r.text());
      p.printRecord(row);
    }
    p.flush();
  }
}
