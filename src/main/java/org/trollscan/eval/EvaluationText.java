package org.trollscan.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trollscan.output.CsvOutput;

/** The readable tables an evaluation prints, and the per-row predictions CSV. */
public final class EvaluationText {
  private EvaluationText() {}

  /**
   * Per label, then per slice and label: each model's metrics with their intervals, and the
   * difference of each model from the reference, starred when its interval excludes 0.
   */
  public static void printTable(PrintWriter out, EvalReport report) {
    List<EvalReport.ModelRun> models = report.models();
    out.printf(Locale.ROOT, "%d rows from %s%n", report.main().evaluation().rows(),
        String.join(", ", report.provenance().data()));
    for (EvalReport.ModelRun m : models) {
      out.printf(Locale.ROOT, "%s %s: model %s%n", m.baseline() ? "baseline" : "model   ",
          m.name(), m.version());
    }
    BootstrapResult b = report.bootstrap();
    if (b == null) {
      out.println("no intervals (--bootstrap 0)");
    } else {
      out.printf(Locale.ROOT, "[low, high]: 95%% percentile interval of %d bootstrap resamples "
          + "of %d %s, seed %d%n", b.resamples(), b.units(),
          b.unit().equals("post") ? "posts" : "threads (" + b.unit() + ")", b.seed());
    }
    if (report.reference() >= 0) {
      out.printf(Locale.ROOT, "differences: model minus %s, paired; * the interval excludes 0%n",
          models.get(report.reference()).name());
    }
    List<String> labels = new ArrayList<>();
    for (EvalReport.ModelRun m : models) {
      m.evaluation().labels().keySet().stream().filter(l -> !labels.contains(l))
          .forEach(labels::add);
    }
    for (String label : labels) {
      printLabel(out, report, label);
    }
    for (String column : report.main().evaluation().slices().keySet()) {
      printSlices(out, report, column, labels);
    }
    out.flush();
  }

  private static final List<Metric> SLICE_METRICS =
      List.of(Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.ROC_AUC);

  /**
   * One line per slice value, label and model: n, positives, precision, recall, F1 and ROC-AUC
   * with intervals, and for the models compared the differences of F1 and ROC-AUC.
   */
  private static void printSlices(PrintWriter out, EvalReport report, String column,
      List<String> labels) {
    List<EvalReport.ModelRun> models = report.models();
    out.printf("%nby %s:%n", column);
    String first = "value / label" + (models.size() > 1 ? " / model" : "");
    int width = first.length();
    for (Scope scope : report.scopes()) {
      if (column.equals(scope.column())) {
        for (String label : labels) {
          for (EvalReport.ModelRun m : models) {
            width = Math.max(width, sliceName(scope, label, m, models.size()).length());
          }
        }
      }
    }
    String nameFormat = "  %-" + width + "s %6s %5s";
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, nameFormat, first, "n",
        "pos"));
    for (Metric m : SLICE_METRICS) {
      header.append(String.format(Locale.ROOT, "  %-20s", m.key()));
    }
    if (report.reference() >= 0) {
      header.append(String.format(Locale.ROOT, "  %-26s  %-26s", "f1 diff", "roc_auc diff"));
    }
    out.println(header.toString().stripTrailing());
    for (Scope scope : report.scopes()) {
      if (!column.equals(scope.column())) {
        continue;
      }
      for (String label : labels) {
        for (int i = 0; i < models.size(); i++) {
          LabelMetrics m = models.get(i).evaluation().at(scope).get(label);
          if (m == null) {
            continue;
          }
          StringBuilder row = new StringBuilder(String.format(Locale.ROOT, nameFormat,
              sliceName(scope, label, models.get(i), models.size()), m.support(), m.positives()));
          if (m.positives() == 0 || m.positives() == m.support()) {
            row.append("  one class only: pass rate ").append(withInterval(m.accuracy(),
                report.interval(i, scope, label, Metric.ACCURACY), false));
          } else {
            for (Metric metric : SLICE_METRICS) {
              row.append(String.format(Locale.ROOT, "  %-20s", withInterval(metric.of(m),
                  report.interval(i, scope, label, metric), false)));
            }
            if (report.reference() >= 0 && i != report.reference()) {
              for (Metric metric : List.of(Metric.F1, Metric.ROC_AUC)) {
                Difference d = report.difference(i, scope, label, metric);
                row.append(String.format(Locale.ROOT, "  %-26s", d == null ? "-"
                    : withInterval(d.value(), d.interval(), true)
                        + (d.interval().excludesZero() ? " *" : "")));
              }
            }
          }
          out.println(row.toString().stripTrailing());
        }
      }
    }
  }

  private static String sliceName(Scope scope, String label, EvalReport.ModelRun model,
      int models) {
    return (scope.value().isEmpty() ? "(empty)" : scope.value()) + " / " + label
        + (models > 1 ? " / " + model.name() : "");
  }

  private static void printLabel(PrintWriter out, EvalReport report, String label) {
    List<EvalReport.ModelRun> models = report.models();
    Scope scope = Scope.ALL;
    out.printf("%n%s%n", label);
    boolean oneClass = true;
    for (int i = 0; i < models.size(); i++) {
      LabelMetrics m = models.get(i).evaluation().at(scope).get(label);
      if (m == null) {
        continue;
      }
      String who = models.size() > 1 ? models.get(i).name() + ": " : "";
      Metrics.Confusion c = m.confusion();
      out.printf(Locale.ROOT, "    %sn %d, positives %d; threshold %.3f: tp %d, fp %d, tn %d, "
              + "fn %d; best F1 %s at %s%n", who, m.support(), m.positives(), m.threshold(),
          c.truePositives(), c.falsePositives(), c.trueNegatives(), c.falseNegatives(),
          num(m.bestF1()), num(m.bestF1Threshold()));
      oneClass &= m.positives() == 0 || m.positives() == m.support();
    }
    List<Metric> metrics = oneClass ? List.of(Metric.ACCURACY, Metric.BRIER, Metric.ECE)
        : List.of(Metric.values());
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "    %-18s",
        oneClass ? "one class only" : "metric"));
    for (int i = 0; i < models.size(); i++) {
      header.append(String.format(Locale.ROOT, " %-24s", clip(models.get(i).name(), 24)));
    }
    for (int i = 0; i < models.size(); i++) {
      if (report.reference() >= 0 && i != report.reference()) {
        header.append(String.format(Locale.ROOT, " %-28s",
            clip("diff " + models.get(i).name(), 28)));
      }
    }
    out.println(header.toString().stripTrailing());
    for (Metric metric : metrics) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "    %-18s",
          metric == Metric.ACCURACY && oneClass ? "pass rate" : metric.key()));
      for (int i = 0; i < models.size(); i++) {
        LabelMetrics m = models.get(i).evaluation().at(scope).get(label);
        row.append(String.format(Locale.ROOT, " %-24s", m == null ? "-"
            : withInterval(metric.of(m), report.interval(i, scope, label, metric), false)));
      }
      for (int i = 0; i < models.size(); i++) {
        if (report.reference() >= 0 && i != report.reference()) {
          Difference d = report.difference(i, scope, label, metric);
          row.append(String.format(Locale.ROOT, " %-28s", d == null ? "-"
              : withInterval(d.value(), d.interval(), true)
                  + (d.interval().excludesZero() ? " *" : "")));
        }
      }
      out.println(row.toString().stripTrailing());
    }
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }

  static String num(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** "0.812 [0.780, 0.840]"; with a sign for differences. */
  static String withInterval(double v, Interval i, boolean signed) {
    String f = signed ? "%+.3f" : "%.3f";
    if (Double.isNaN(v)) {
      return "n/a";
    }
    String value = String.format(Locale.ROOT, f, v);
    if (!i.defined()) {
      return value;
    }
    return value + String.format(Locale.ROOT, " [" + f + ", " + f + "]", i.low(), i.high());
  }

  /**
   * One row per post: id, the main model's scores and flagged labels under the names
   * {@code score} writes ({@code harassment}, {@code false_report}, {@code flagged}), the
   * other models' scores and flagged labels prefixed with their role ({@code baseline_},
   * {@code model2_}, ...), each label's gold value ({@code LABEL_gold}, empty when not
   * labelled), the {@code --by} columns, then the text; cells neutralised for spreadsheets
   * unless {@code spreadsheetSafe} is off.
   */
  public static void writePredictions(EvalReport report, List<String> labels,
      List<String> sliceColumns, OutputStream stream, boolean spreadsheetSafe)
      throws IOException {
    List<EvalReport.ModelRun> models = report.models();
    List<String> prefixes = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      prefixes.add(m == 0 ? "" : models.get(m).baseline() ? "baseline_" : "model" + (m + 1) + "_");
    }
    List<String> header = new ArrayList<>(List.of("id"));
    for (String prefix : prefixes) {
      for (String l : labels) {
        header.add(prefix + l);
      }
      header.add(prefix + "flagged");
    }
    for (String l : labels) {
      header.add(l + "_gold");
    }
    for (String column : sliceColumns) {
      header.add(header.contains(column) ? "input_" + column : column);
    }
    header.add("text");
    CsvOutput p = new CsvOutput(stream, spreadsheetSafe);
    p.printRecord(header);
    List<Evaluation.ScoredRow> mainRows = report.main().evaluation().scored();
    for (int r = 0; r < mainRows.size(); r++) {
      Evaluation.ScoredRow main = mainRows.get(r);
      List<String> row = new ArrayList<>(List.of(main.id()));
      for (EvalReport.ModelRun model : models) {
        Evaluation.ScoredRow scored = model.evaluation().scored().get(r);
        List<String> flagged = new ArrayList<>();
        for (String l : labels) {
          Double s = scored.scores().get(l);
          row.add(s == null ? "" : String.format(Locale.ROOT, "%.6f", s));
          LabelMetrics m = model.evaluation().labels().get(l);
          if (s != null && m != null && s >= m.threshold()) {
            flagged.add(l);
          }
        }
        row.add(String.join(";", flagged));
      }
      for (String l : labels) {
        Boolean g = main.gold().get(l);
        row.add(g == null ? "" : g ? "1" : "0");
      }
      for (String column : sliceColumns) {
        row.add(main.fields().getOrDefault(column, ""));
      }
      row.add(main.text());
      p.printRecord(row);
    }
    p.flush();
  }

}
