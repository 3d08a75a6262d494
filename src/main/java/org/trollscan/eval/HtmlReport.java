package org.trollscan.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trollscan.model.EvidenceSpan;

/**
 * The evaluation as one self-contained HTML page for a decision at a glance: provenance and
 * gates first, then per label every model's metrics with intervals and the paired differences,
 * ROC and precision-recall curves with the operating point, precision, recall and F1 against the
 * threshold, calibration, score histograms with the threshold, confusion matrices, a per-slice
 * table coloured by the command line's gates, and the most confident errors with their evidence
 * highlighted. The numbers behind every chart are links to CSV embedded in the page as data URIs.
 * No scripts, no external files, no network.
 */
public final class HtmlReport {
  static final int EXAMPLES = 20;
  private static final int THRESHOLD_STEPS = 100;

  private HtmlReport() {}

  public static String render(EvalReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>trollscan eval</title><style>")
        .append("body{font-family:sans-serif;margin:24px;max-width:1400px}")
        .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;font-size:13px;text-align:right}td.t,th.t{text-align:left}")
        .append("td.post{text-align:left;max-width:640px}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:12px}.chart{display:flex;")
        .append("flex-direction:column}.chart a{font-size:12px}h2{margin-top:36px}")
        .append("td.pass{background:#d9f2d9}td.unsure{background:#fff0c2}td.fail{background:#f8d0d0}")
        .append("td.sig{font-weight:bold}mark{background:#ffe066}.note{color:#555;font-size:13px}")
        .append("</style></head><body>");
    sb.append("<h1>trollscan evaluation</h1>");
    provenance(sb, report);
    gates(sb, report);
    for (String label : report.main().evaluation().labels().keySet()) {
      section(sb, report, label);
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static void provenance(StringBuilder sb, EvalReport report) {
    EvalReport.Provenance p = report.provenance();
    sb.append("<table>");
    for (EvalReport.ModelRun m : report.models()) {
      row(sb, m.baseline() ? "baseline" : "model", Svg.esc(m.name()) + ", version "
          + Svg.esc(m.version()));
    }
    row(sb, "data", Svg.esc(String.join(", ", p.data())) + " ("
        + report.main().evaluation().rows() + " rows)");
    BootstrapResult b = report.bootstrap();
    row(sb, "intervals", b == null ? "none (--bootstrap 0)" : String.format(Locale.ROOT,
        "95%% percentile intervals of %d bootstrap resamples of %d %s, seed %d%s", b.resamples(),
        b.units(), b.unit().equals("post") ? "posts" : "threads (" + b.unit() + ")", b.seed(),
        report.reference() >= 0 ? "; differences paired (the same resamples for every model)"
            : ""));
    row(sb, "tool", "trollscan " + Svg.esc(p.toolVersion()));
    row(sb, "command", "<code>" + Svg.esc(p.commandLine()) + "</code>");
    row(sb, "date", Svg.esc(p.createdAt()));
    sb.append("</table>");
  }

  private static void row(StringBuilder sb, String name, String html) {
    sb.append("<tr><th class=\"t\">").append(name).append("</th><td class=\"t\">").append(html)
        .append("</td></tr>");
  }

  private static void gates(StringBuilder sb, EvalReport report) {
    sb.append("<h2>Gates</h2>");
    if (report.gates().isEmpty()) {
      sb.append("<p class=\"note\">No gates were given (--min, --max-drop); the slice table "
          + "is not coloured.</p>");
      return;
    }
    sb.append("<table><tr><th class=\"t\">gate</th><th>model</th><th>value</th>")
        .append("<th>95% interval</th><th>rule</th><th>result</th></tr>");
    for (Gate.Result r : report.gates()) {
      Gate g = r.gate();
      String rule = g.kind() == Gate.Kind.MIN
          ? "point estimate " + (g.metric().lowerIsBetter() ? "&le; " : "&ge; ") + g.value()
          : "fails when the interval's lower bound &gt; " + g.value();
      sb.append("<tr><td class=\"t\">").append(g.kind().option()).append(' ')
          .append(g.label()).append('.').append(g.metric().key()).append("</td><td class=\"t\">")
          .append(Svg.esc(r.model()))
          .append(r.baseline() == null ? "" : " vs " + Svg.esc(r.baseline()))
          .append("</td><td>").append(g.kind() == Gate.Kind.MIN ? "" : "drop ")
          .append(fmt(r.observed())).append("</td><td>").append(interval(r.interval()))
          .append("</td><td class=\"t\">").append(rule).append("</td><td class=\"")
          .append(r.passed() ? "pass" : "fail").append("\">")
          .append(r.passed() ? "passed" : "FAILED").append("</td></tr>");
    }
    sb.append("</table>");
  }

  private static String interval(Interval i) {
    return i.defined() ? "[" + fmt(i.low()) + ", " + fmt(i.high()) + "]" : "";
  }

  private static String withInterval(double v, Interval i) {
    return fmt(v) + (i.defined() ? " <small>" + interval(i) + "</small>" : "");
  }

  /**
   * The colour of a cell from the --min gates on this label and metric: pass when the whole
   * interval clears the gate (or the point does, without intervals), unsure when only the point
   * estimate does, fail when it does not; no colour without a gate.
   */
  private static String gateClass(EvalReport report, String label, Metric metric, double v,
      Interval i) {
    for (Gate.Result r : report.gates()) {
      Gate g = r.gate();
      if (g.kind() != Gate.Kind.MIN || !g.label().equals(label) || g.metric() != metric) {
        continue;
      }
      boolean lower = metric.lowerIsBetter();
      boolean point = !Double.isNaN(v) && (lower ? v <= g.value() : v >= g.value());
      if (!point) {
        return " class=\"fail\"";
      }
      boolean whole = !i.defined() || (lower ? i.high() <= g.value() : i.low() >= g.value());
      return whole ? " class=\"pass\"" : " class=\"unsure\"";
    }
    return "";
  }

  private static void section(StringBuilder sb, EvalReport report, String label) {
    List<EvalReport.ModelRun> models = report.models();
    sb.append("<h2>").append(Svg.esc(label)).append("</h2>");
    metricsTable(sb, report, label);

    List<Svg.Series> roc = new ArrayList<>();
    List<Svg.Series> pr = new ArrayList<>();
    List<Svg.Series> calibration = new ArrayList<>();
    List<Svg.Series> byThreshold = new ArrayList<>();
    StringBuilder rocCsv = new StringBuilder("model,false_positive_rate,true_positive_rate\n");
    StringBuilder prCsv = new StringBuilder("model,recall,precision\n");
    StringBuilder calCsv = new StringBuilder("model,bin_lower,bin_upper,count,mean_score,share_positive\n");
    StringBuilder thrCsv = new StringBuilder("model,threshold,precision,recall,f1,flagged\n");
    List<String> histograms = new ArrayList<>();
    StringBuilder histCsv = new StringBuilder("model,bin_lower,bin_upper,share_gold_0,share_gold_1\n");
    boolean bothClasses = false;
    for (int i = 0; i < models.size(); i++) {
      EvalReport.ModelRun run = models.get(i);
      LabelMetrics m = run.evaluation().labels().get(label);
      if (m == null) {
        continue;
      }
      bothClasses |= m.positives() > 0 && m.positives() < m.support();
      double[][] sg = scoresAndGold(run.evaluation(), label);
      double[] s = sg[0];
      boolean[] g = new boolean[s.length];
      for (int k = 0; k < s.length; k++) {
        g[k] = sg[1][k] == 1;
      }
      String colour = Svg.COLOURS[i % Svg.COLOURS.length];
      // The baseline dashed; other models after the first in other dash patterns.
      int style = run.baseline() ? 1 : i == 0 ? 0 : 1 + i;
      String name = run.name();
      Metrics.Confusion c = m.confusion();
      double fpr = Metrics.ratio(c.falsePositives(), c.falsePositives() + c.trueNegatives());
      double[][] rocPoints = Metrics.rocCurve(s, g);
      double[][] prPoints = Metrics.precisionRecallCurve(s, g);
      roc.add(new Svg.Series(name + " (AUC " + fmt(m.auc()) + ")", rocPoints, colour,
          style, new double[] {fpr, c.recall()}));
      pr.add(new Svg.Series(name + " (AP " + fmt(m.averagePrecision()) + ")", prPoints, colour,
          style, new double[] {c.recall(), c.precision()}));
      for (double[] p : rocPoints) {
        rocCsv.append(csv(name)).append(',').append(p[0]).append(',').append(p[1]).append('\n');
      }
      for (double[] p : prPoints) {
        prCsv.append(csv(name)).append(',').append(p[0]).append(',').append(p[1]).append('\n');
      }
      List<double[]> cal = new ArrayList<>();
      for (Metrics.CalibrationBin b : Metrics.calibration(s, g)) {
        calCsv.append(csv(name)).append(',').append(b.lower()).append(',').append(b.upper())
            .append(',').append(b.count()).append(',').append(b.meanScore()).append(',')
            .append(b.positiveRate()).append('\n');
        if (b.count() > 0) {
          cal.add(new double[] {b.meanScore(), b.positiveRate()});
        }
      }
      calibration.add(new Svg.Series(name + " (ECE " + fmt(m.ece()) + ")",
          cal.toArray(new double[0][]), colour, style, null));
      double[][] curves = thresholdCurves(s, g);
      String[] curveNames = {"precision", "recall", "F1"};
      for (int k = 0; k < 3; k++) {
        List<double[]> pts = new ArrayList<>();
        for (double[] row : curves) {
          // Precision is undefined where nothing is flagged: the line stops there.
          if (k != 0 || row[4] > 0) {
            pts.add(new double[] {row[0], row[k + 1]});
          }
        }
        double at = k == 0 ? c.precision() : k == 1 ? c.recall() : c.f1();
        // A colour per curve, a line style per model.
        byThreshold.add(new Svg.Series((models.size() > 1 ? name + " " : "") + curveNames[k],
            pts.toArray(new double[0][]), Svg.COLOURS[k + 2], style,
            new double[] {m.threshold(), at}));
      }
      for (double[] row : curves) {
        thrCsv.append(csv(name)).append(',').append(row[0]).append(',').append(row[1])
            .append(',').append(row[2]).append(',').append(row[3]).append(',')
            .append((long) row[4]).append('\n');
      }
      List<Double> neg = new ArrayList<>();
      List<Double> pos = new ArrayList<>();
      for (int k = 0; k < s.length; k++) {
        (g[k] ? pos : neg).add(s[k]);
      }
      double[] negs = neg.stream().mapToDouble(d -> d).toArray();
      double[] poss = pos.stream().mapToDouble(d -> d).toArray();
      histograms.add(Svg.histogram("Scores by gold class" + (models.size() > 1 ? ": " + name : ""),
          negs, poss, m.threshold()));
      double[][] shares = Svg.shares(negs, poss, 20);
      for (int b = 0; b < 20; b++) {
        histCsv.append(csv(name)).append(',').append(b / 20.0).append(',').append((b + 1) / 20.0)
            .append(',').append(shares[0][b]).append(',').append(shares[1][b]).append('\n');
      }
    }
    double threshold = report.main().evaluation().labels().get(label).threshold();
    sb.append("<div class=\"charts\">");
    if (bothClasses) {
      chart(sb, Svg.lines("ROC (dot: operating point)", "false positive rate",
          "true positive rate", roc, true, Double.NaN), label + "-roc.csv", rocCsv);
      chart(sb, Svg.lines("Precision-recall (dot: operating point)", "recall", "precision", pr,
          false, Double.NaN), label + "-precision-recall.csv", prCsv);
    }
    chart(sb, Svg.lines("Precision, recall, F1 by threshold", "threshold", "value",
        byThreshold, false, threshold), label + "-by-threshold.csv", thrCsv);
    chart(sb, Svg.lines("Calibration", "mean score in bin", "share positive", calibration, true,
        Double.NaN), label + "-calibration.csv", calCsv);
    for (int i = 0; i < histograms.size(); i++) {
      chart(sb, histograms.get(i), i == 0 ? label + "-histogram.csv" : null, histCsv);
    }
    sb.append("</div>");
    if (models.size() > 1) {
      sb.append("<p class=\"note\">Dashed lines: the baseline (dotted: a third model).</p>");
    }
    confusion(sb, report, label);
    slices(sb, report, label);
    EvalReport.ModelRun main = report.main();
    examples(sb, main, label, false);
    examples(sb, main, label, true);
  }

  /** Every model's metrics with intervals, then each difference from the reference. */
  private static void metricsTable(StringBuilder sb, EvalReport report, String label) {
    List<EvalReport.ModelRun> models = report.models();
    sb.append("<table><tr><th class=\"t\">metric</th>");
    for (EvalReport.ModelRun m : models) {
      sb.append("<th>").append(Svg.esc(m.name())).append(m.baseline() ? " (baseline)" : "")
          .append("</th>");
    }
    for (int i = 0; i < models.size(); i++) {
      if (report.reference() >= 0 && i != report.reference()) {
        sb.append("<th>").append(Svg.esc(models.get(i).name())).append(" &minus; ")
            .append(Svg.esc(models.get(report.reference()).name())).append("</th>");
      }
    }
    sb.append("</tr>");
    for (Metric metric : Metric.values()) {
      sb.append("<tr><td class=\"t\">").append(metric.key()).append("</td>");
      for (int i = 0; i < models.size(); i++) {
        LabelMetrics m = models.get(i).evaluation().labels().get(label);
        double v = m == null ? Double.NaN : metric.of(m);
        Interval in = report.interval(i, Scope.ALL, label, metric);
        sb.append("<td").append(gateClass(report, label, metric, v, in)).append(">")
            .append(withInterval(v, in)).append("</td>");
      }
      for (int i = 0; i < models.size(); i++) {
        if (report.reference() >= 0 && i != report.reference()) {
          Difference d = report.difference(i, Scope.ALL, label, metric);
          if (d == null) {
            sb.append("<td></td>");
            continue;
          }
          sb.append("<td").append(d.interval().excludesZero() ? " class=\"sig\"" : "").append(">")
              .append(String.format(Locale.ROOT, "%+.3f", d.value()))
              .append(d.interval().defined() ? String.format(Locale.ROOT,
                  " <small>[%+.3f, %+.3f]</small>", d.interval().low(), d.interval().high()) : "")
              .append(d.interval().excludesZero() ? " *" : "").append("</td>");
        }
      }
      sb.append("</tr>");
    }
    sb.append("</table>");
    if (report.reference() >= 0) {
      sb.append("<p class=\"note\">Differences: model minus baseline on the same rows; "
          + "* and bold: the interval excludes 0. For brier and ece lower is better.</p>");
    }
  }

  private static void chart(StringBuilder sb, String svg, String csvName, StringBuilder csv) {
    sb.append("<div class=\"chart\">").append(svg);
    if (csvName != null) {
      sb.append("<a download=\"").append(Svg.esc(csvName.replaceAll("[^A-Za-z0-9_.-]", "_")))
          .append("\" href=\"data:text/csv;base64,")
          .append(Base64.getEncoder().encodeToString(csv.toString()
              .getBytes(StandardCharsets.UTF_8)))
          .append("\">numbers behind this chart (CSV)</a>");
    }
    sb.append("</div>");
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** [score][gold as 0/1] of the rows labelled for this label. */
  private static double[][] scoresAndGold(Evaluation e, String label) {
    List<Evaluation.ScoredRow> rows = e.scored().stream()
        .filter(r -> r.gold().containsKey(label)).toList();
    double[][] out = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      out[0][i] = rows.get(i).scores().get(label);
      out[1][i] = rows.get(i).gold().get(label) ? 1 : 0;
    }
    return out;
  }

  /** {threshold, precision, recall, F1, flagged} at thresholds 0, 0.01, ..., 1. */
  static double[][] thresholdCurves(double[] s, boolean[] g) {
    double[][] out = new double[THRESHOLD_STEPS + 1][];
    for (int t = 0; t <= THRESHOLD_STEPS; t++) {
      double threshold = (double) t / THRESHOLD_STEPS;
      Metrics.Confusion c = Metrics.confusion(s, g, threshold);
      out[t] = new double[] {threshold, c.precision(), c.recall(), c.f1(),
          c.truePositives() + c.falsePositives()};
    }
    return out;
  }

  private static void confusion(StringBuilder sb, EvalReport report, String label) {
    sb.append("<h3>Confusion matrix at the threshold</h3><div class=\"charts\">");
    for (EvalReport.ModelRun run : report.models()) {
      LabelMetrics m = run.evaluation().labels().get(label);
      if (m == null) {
        continue;
      }
      Metrics.Confusion c = m.confusion();
      sb.append("<table><tr><th class=\"t\">").append(Svg.esc(run.name())).append(" @ ")
          .append(fmt(m.threshold())).append("</th><th>predicted 1</th><th>predicted 0</th></tr>")
          .append("<tr><th>gold 1</th><td>").append(c.truePositives()).append("</td><td>")
          .append(c.falseNegatives()).append("</td></tr><tr><th>gold 0</th><td>")
          .append(c.falsePositives()).append("</td><td>").append(c.trueNegatives())
          .append("</td></tr></table>");
    }
    sb.append("</div>");
  }

  private static void slices(StringBuilder sb, EvalReport report, String label) {
    EvalReport.ModelRun main = report.main();
    boolean compare = report.reference() >= 0 && report.reference() != 0;
    List<Metric> shown = List.of(Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.ROC_AUC);
    for (Map.Entry<String, Map<String, Map<String, LabelMetrics>>> column
        : main.evaluation().slices().entrySet()) {
      sb.append("<h3>By ").append(Svg.esc(column.getKey())).append(": ")
          .append(Svg.esc(main.name())).append("</h3><table><tr><th class=\"t\">")
          .append(Svg.esc(column.getKey())).append("</th><th>n</th><th>positives</th>");
      for (Metric m : shown) {
        sb.append("<th>").append(m.key()).append("</th>");
      }
      if (compare) {
        sb.append("<th>f1 &minus; baseline</th><th>roc_auc &minus; baseline</th>");
      }
      sb.append("</tr>");
      for (Map.Entry<String, Map<String, LabelMetrics>> value : column.getValue().entrySet()) {
        LabelMetrics lm = value.getValue().get(label);
        if (lm == null) {
          continue;
        }
        Scope scope = new Scope(column.getKey(), value.getKey());
        boolean oneClass = lm.positives() == 0 || lm.positives() == lm.support();
        sb.append("<tr><td class=\"t\">").append(Svg.esc(value.getKey().isEmpty() ? "(empty)"
            : value.getKey())).append("</td><td>").append(lm.support()).append("</td><td>")
            .append(lm.positives()).append("</td>");
        if (oneClass) {
          Interval in = report.interval(0, scope, label, Metric.ACCURACY);
          sb.append("<td class=\"t\" colspan=\"").append(shown.size()).append("\">one class only: ")
              .append("pass rate ").append(withInterval(lm.accuracy(), in)).append("</td>");
        } else {
          for (Metric m : shown) {
            double v = m.of(lm);
            Interval in = report.interval(0, scope, label, m);
            sb.append("<td").append(gateClass(report, label, m, v, in)).append(">")
                .append(withInterval(v, in)).append("</td>");
          }
        }
        if (compare) {
          for (Metric m : List.of(Metric.F1, Metric.ROC_AUC)) {
            Difference d = report.difference(0, scope, label, m);
            sb.append("<td").append(d != null && d.interval().excludesZero() ? " class=\"sig\"" : "")
                .append(">").append(d == null || Double.isNaN(d.value()) ? "n/a"
                    : String.format(Locale.ROOT, "%+.3f", d.value())
                        + (d.interval().defined() ? String.format(Locale.ROOT,
                            " <small>[%+.3f, %+.3f]</small>", d.interval().low(),
                            d.interval().high()) : ""))
                .append("</td>");
          }
        }
        sb.append("</tr>");
      }
      sb.append("</table>");
    }
    if (!main.evaluation().slices().isEmpty()) {
      sb.append("<p class=\"note\">Colours from the --min gates: green, the whole interval "
          + "clears the gate; amber, only the point estimate does; red, it does not. Metrics "
          + "without a gate are not coloured.</p>");
    }
  }

  private static void examples(StringBuilder sb, EvalReport.ModelRun run, String label,
      boolean falseNegatives) {
    double threshold = run.evaluation().labels().get(label).threshold();
    List<Evaluation.ScoredRow> wrong = run.evaluation().scored().stream()
        .filter(r -> r.gold().containsKey(label))
        .filter(r -> r.gold().get(label) == falseNegatives
            && (r.scores().get(label) >= threshold) != falseNegatives)
        .sorted(Comparator.comparingDouble((Evaluation.ScoredRow r) -> falseNegatives
            ? r.scores().get(label) : -r.scores().get(label)))
        .toList();
    sb.append("<h3>").append(falseNegatives ? "Most confident false negatives"
        : "Most confident false positives").append(": ").append(Svg.esc(run.name()))
        .append(" (").append(Math.min(EXAMPLES, wrong.size())).append(" of ")
        .append(wrong.size()).append(")</h3>");
    sb.append("<table><tr><th>id</th><th>score</th><th class=\"t\">post, evidence marked</th>")
        .append("<th class=\"t\">evidence</th></tr>");
    for (Evaluation.ScoredRow r : wrong.subList(0, Math.min(EXAMPLES, wrong.size()))) {
      List<String> evidence = r.evidence().getOrDefault(label, List.of());
      sb.append("<tr><td class=\"t\">").append(Svg.esc(r.id())).append("</td><td>")
          .append(fmt(r.scores().get(label))).append("</td><td class=\"post\">")
          .append(highlight(r.text(), evidence, r.spans().getOrDefault(label, List.of())))
          .append("</td><td class=\"t\">")
          .append(Svg.esc(String.join(" | ", evidence))).append("</td></tr>");
    }
    sb.append("</table>");
    sb.append("<p class=\"note\">Evidence is marked where the model found it in the post."
        + "</p>");
  }

  /**
   * The post, escaped, with its evidence in {@code <mark>}: at the spans' offsets when the row
   * has them, else wherever a phrase occurs (case-insensitively); overlaps are merged.
   */
  static String highlight(String text, List<String> phrases, List<EvidenceSpan> spans) {
    boolean[] marked = new boolean[text.length()];
    for (EvidenceSpan span : spans) {
      for (int k = Math.max(0, span.begin()); k < Math.min(text.length(), span.end()); k++) {
        marked[k] = true;
      }
    }
    for (String phrase : spans.isEmpty() ? phrases : List.<String>of()) {
      if (phrase.isBlank()) {
        continue;
      }
      for (int i = 0; i + phrase.length() <= text.length(); i++) {
        if (text.regionMatches(true, i, phrase, 0, phrase.length())) {
          for (int k = i; k < i + phrase.length(); k++) {
            marked[k] = true;
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && marked[j] == marked[i]) {
        j++;
      }
      String part = Svg.esc(text.substring(i, j));
      sb.append(marked[i] ? "<mark>" + part + "</mark>" : part);
      i = j;
    }
    return sb.toString();
  }
}
