package org.trollscan.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation as one self-contained HTML page for people: per label the ROC and
 * precision-recall curves, a calibration plot, score histograms per class, the confusion matrix,
 * per-slice bars, and the 20 most confident false positives and false negatives with their
 * evidence. No scripts, no external files, no network.
 */
public final class HtmlReport {
  static final int EXAMPLES = 20;

  private HtmlReport() {}

  public static String render(Evaluation e, String modelVersion, List<String> dataFiles) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>trollscan eval</title>")
        .append("<style>body{font-family:sans-serif;margin:24px;max-width:1200px}")
        .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;")
        .append("font-size:13px;text-align:right}td.t{text-align:left;max-width:640px}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:12px}h2{margin-top:36px}</style></head><body>");
    sb.append("<h1>trollscan evaluation</h1><p>Model ").append(Svg.esc(modelVersion)).append(", ")
        .append(e.rows()).append(" rows from ").append(Svg.esc(String.join(", ", dataFiles)))
        .append(".</p>");
    sb.append("<table><tr><th>label</th><th>support</th><th>positives</th><th>threshold</th>")
        .append("<th>precision</th><th>recall</th><th>F1</th><th>ROC-AUC</th><th>AP</th>")
        .append("<th>Brier</th><th>ECE</th><th>best-F1 threshold</th></tr>");
    e.labels().forEach((label, m) -> sb.append("<tr><td class=\"t\">").append(label)
        .append("</td><td>").append(m.support()).append("</td><td>").append(m.positives())
        .append("</td>").append(cells(m.threshold(), m.precision(), m.recall(), m.f1(), m.auc(),
            m.averagePrecision(), m.brier(), m.ece(), m.bestF1Threshold())).append("</tr>"));
    sb.append("</table>");
    for (String label : e.labels().keySet()) {
      section(sb, e, label);
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static String cells(double... values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append("<td>").append(Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v))
          .append("</td>");
    }
    return sb.toString();
  }

  private static void section(StringBuilder sb, Evaluation e, String label) {
    List<Evaluation.ScoredRow> rows = e.scored().stream()
        .filter(r -> r.gold().containsKey(label)).toList();
    double[] s = rows.stream().mapToDouble(r -> r.scores().get(label)).toArray();
    boolean[] g = new boolean[rows.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = rows.get(i).gold().get(label);
    }
    LabelMetrics m = e.labels().get(label);
    sb.append("<h2>").append(label).append("</h2><div class=\"charts\">");
    boolean bothClasses = m.positives() > 0 && m.positives() < m.support();
    if (bothClasses) {
      sb.append(Svg.lines("ROC (AUC " + String.format(Locale.ROOT, "%.3f", m.auc()) + ")",
          "false positive rate", "true positive rate",
          List.of(new Svg.Series(label, Metrics.rocCurve(s, g))), true));
      sb.append(Svg.lines("Precision-recall (AP " + String.format(Locale.ROOT, "%.3f",
              m.averagePrecision()) + ")", "recall", "precision",
          List.of(new Svg.Series(label, Metrics.precisionRecallCurve(s, g))), false));
    }
    List<double[]> calibration = new ArrayList<>();
    for (Metrics.CalibrationBin b : Metrics.calibration(s, g)) {
      if (b.count() > 0) {
        calibration.add(new double[] {b.meanScore(), b.positiveRate()});
      }
    }
    sb.append(Svg.lines("Calibration (ECE " + String.format(Locale.ROOT, "%.3f", m.ece()) + ")",
        "mean score in bin", "share positive", List.of(new Svg.Series(label,
            calibration.toArray(new double[0][]))), true));
    List<Double> neg = new ArrayList<>();
    List<Double> pos = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      (g[i] ? pos : neg).add(s[i]);
    }
    sb.append(Svg.histogram("Scores by gold class", neg.stream().mapToDouble(d -> d).toArray(),
        pos.stream().mapToDouble(d -> d).toArray()));
    sb.append("</div>");
    Metrics.Confusion c = m.confusion();
    sb.append("<h3>Confusion matrix at threshold ")
        .append(String.format(Locale.ROOT, "%.3f", m.threshold())).append("</h3>")
        .append("<table><tr><th></th><th>predicted 1</th><th>predicted 0</th></tr>")
        .append("<tr><th>gold 1</th><td>").append(c.truePositives()).append("</td><td>")
        .append(c.falseNegatives()).append("</td></tr><tr><th>gold 0</th><td>")
        .append(c.falsePositives()).append("</td><td>").append(c.trueNegatives())
        .append("</td></tr></table>");
    for (Map.Entry<String, Map<String, Map<String, LabelMetrics>>> column : e.slices().entrySet()) {
      List<String> names = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      column.getValue().forEach((value, labels) -> {
        LabelMetrics lm = labels.get(label);
        if (lm != null) {
          boolean oneClass = lm.positives() == 0 || lm.positives() == lm.support();
          names.add(value + (oneClass ? " (pass rate)" : " (F1)"));
          values.add(oneClass ? lm.accuracy() : lm.f1());
        }
      });
      sb.append(Svg.bars("By " + column.getKey(), names,
          values.stream().mapToDouble(d -> d).toArray()));
    }
    examples(sb, rows, label, m.threshold(), false);
    examples(sb, rows, label, m.threshold(), true);
  }

  private static void examples(StringBuilder sb, List<Evaluation.ScoredRow> rows, String label,
      double threshold, boolean falseNegatives) {
    List<Evaluation.ScoredRow> wrong = rows.stream()
        .filter(r -> r.gold().get(label) == falseNegatives
            && (r.scores().get(label) >= threshold) != falseNegatives)
        .sorted(Comparator.comparingDouble((Evaluation.ScoredRow r) -> falseNegatives
            ? r.scores().get(label) : -r.scores().get(label)))
        .limit(EXAMPLES).toList();
    sb.append("<h3>").append(falseNegatives ? "Most confident false negatives"
        : "Most confident false positives").append(" (").append(wrong.size()).append(")</h3>");
    sb.append("<table><tr><th>id</th><th>score</th><th>post</th><th>evidence</th></tr>");
    for (Evaluation.ScoredRow r : wrong) {
      sb.append("<tr><td class=\"t\">").append(Svg.esc(r.id())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.3f", r.scores().get(label)))
          .append("</td><td class=\"t\">").append(Svg.esc(r.text())).append("</td><td class=\"t\">")
          .append(Svg.esc(String.join(" | ", r.evidence().getOrDefault(label, List.of()))))
          .append("</td></tr>");
    }
    sb.append("</table>");
  }
}
