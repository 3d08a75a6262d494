package org.trollscan.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trollscan.eval.Evaluation;
import org.trollscan.eval.EvaluationJson;
import org.trollscan.eval.Evaluator;
import org.trollscan.eval.Gate;
import org.trollscan.eval.HtmlReport;
import org.trollscan.eval.LabelMetrics;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.input.LabelledPost;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.output.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trollscan eval}: parses its options, runs an {@link Evaluator}, prints and gates. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluates a model on labelled CSV: per-label metrics, slices, JSON, gates.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand TrollscanCommand top;
  @Spec CommandSpec spec;
  @Mixin ModelOption model;

  @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE",
      description = "Labelled CSV files (LABELLING.md).")
  List<String> data;

  @Option(names = "--by", paramLabel = "COLUMN",
      description = "Also report metrics per value of this column (repeatable).")
  List<String> by = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write every number as JSON (schema " + EvaluationJson.SCHEMA + ").")
  String json;

  @Option(names = "--predictions", paramLabel = "FILE",
      description = "Write each row's scores next to its gold labels as CSV.")
  String predictions;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Write a self-contained HTML report with ROC, precision-recall and "
          + "calibration plots, histograms, slices and the worst errors.")
  String report;

  @Option(names = "--min", paramLabel = "LABEL:METRIC=VALUE",
      description = "Quality gate, e.g. harassment:auc=0.85 (repeatable); exit 7 when one fails. "
          + "For brier and ece the value is a maximum.")
  List<String> gates = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    List<Gate> parsedGates = gates.stream().map(Gate::parse).toList();
    ModelBundle bundle = model.load();
    LabelledCorpusReader reader = new LabelledCorpusReader(Label.columns());
    List<LabelledPost> posts = new ArrayList<>();
    for (String file : data) {
      posts.addAll(reader.read(file));
    }
    Evaluation e = new Evaluator(new Scorer(bundle)).evaluate(posts, by);
    List<Gate.Result> results = parsedGates.stream().map(g -> g.check(e.labels())).toList();

    PrintWriter out = spec.commandLine().getOut();
    out.printf("%d rows, model %s%n%n", e.rows(), bundle.manifest().modelVersion());
    printTable(out, "", e.labels());
    e.slices().forEach((column, values) -> {
      out.printf("%nby %s:%n", column);
      values.forEach((value, labels) -> printTable(out, value.isEmpty() ? "(empty)" : value, labels));
    });
    out.flush();
    if (json != null) {
      try (OutputFile f = OutputFile.open(json, top.stdout)) {
        EvaluationJson.write(e, bundle.manifest().modelVersion(), results, f.stream());
        f.commit();
      }
    }
    if (predictions != null) {
      writePredictions(e, bundle);
    }
    if (report != null) {
      try (OutputFile f = OutputFile.open(report, top.stdout)) {
        f.stream().write(HtmlReport.render(e, bundle.manifest().modelVersion(), data)
            .getBytes(StandardCharsets.UTF_8));
        f.commit();
      }
    }
    boolean failed = false;
    for (Gate.Result r : results) {
      if (!r.passed()) {
        failed = true;
        top.stderr.printf("trollscan: gate failed: %s:%s = %s, required %s %s%n", r.gate().label(),
            r.gate().metric(), Double.isNaN(r.value()) ? "undefined" : String.format("%.4f", r.value()),
            r.gate().metric().equals("brier") || r.gate().metric().equals("ece") ? "<=" : ">=",
            r.gate().min());
      }
    }
    return failed ? ExitCodes.GATE_FAILED : ExitCodes.OK;
  }

  private static void printTable(PrintWriter out, String slice, Map<String, LabelMetrics> labels) {
    if (slice.isEmpty()) {
      out.printf("%-14s %7s %6s %6s %6s %6s %6s %6s %6s %6s %6s%n", "label", "support", "pos",
          "thresh", "prec", "recall", "f1", "auc", "ap", "brier", "ece");
    }
    labels.forEach((label, m) -> {
      String name = slice.isEmpty() ? label : "  " + slice + " / " + label;
      if (m.positives() == 0 || m.positives() == m.support()) {
        out.printf("%-40s %7d  one class only: pass rate %.3f%n", name, m.support(), m.accuracy());
        return;
      }
      out.printf("%-14s %7d %6d %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f%n", name,
          m.support(), m.positives(), m.threshold(), m.precision(), m.recall(), m.f1(), m.auc(),
          m.averagePrecision(), m.brier(), m.ece());
    });
  }

  private void writePredictions(Evaluation e, ModelBundle bundle) throws IOException {
    try (OutputFile f = OutputFile.open(predictions, top.stdout)) {
      List<String> header = new ArrayList<>(List.of("id"));
      for (Label l : bundle.labels()) {
        header.add(l.column() + "_score");
        header.add(l.column() + "_gold");
      }
      header.add("text");
      CSVPrinter p = new CSVPrinter(new OutputStreamWriter(f.stream(), StandardCharsets.UTF_8),
          CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get());
      for (Evaluation.ScoredRow r : e.scored()) {
        List<String> row = new ArrayList<>(List.of(r.id()));
        for (Label l : bundle.labels()) {
          row.add(String.format("%.6f", r.scores().get(l.column())));
          Boolean g = r.gold().get(l.column());
          row.add(g == null ? "" : g ? "1" : "0");
        }
        row.add(r.text());
        p.printRecord(row);
      }
      p.flush();
      f.commit();
    }
  }
}
