package org.trollscan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trollscan.eval.Evaluation;
import org.trollscan.eval.EvaluationJson;
import org.trollscan.eval.EvaluationText;
import org.trollscan.eval.Evaluator;
import org.trollscan.eval.Gate;
import org.trollscan.eval.HtmlReport;
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

  @Option(names = "--no-spreadsheet-safety",
      description = "In --predictions, do not prefix cells starting with = + - @ tab or CR with "
          + "an apostrophe (numbers are never prefixed).")
  boolean noSpreadsheetSafety;

  @Override
  public Integer call() throws IOException {
    List<Gate> parsedGates = gates.stream().map(Gate::parse).toList();
    for (String output : new String[] {json, predictions, report}) {
      OutputFile.check(output, top.stdout);
    }
    ModelBundle bundle = model.load();
    LabelledCorpusReader reader = new LabelledCorpusReader(Label.columns());
    List<LabelledPost> posts = new ArrayList<>();
    for (String file : data) {
      posts.addAll(reader.read(file));
    }
    Evaluation e = new Evaluator(new Scorer(bundle)).evaluate(posts, by);
    List<Gate.Result> results = parsedGates.stream().map(g -> g.check(e.labels())).toList();

    EvaluationText.printTable(spec.commandLine().getOut(), e, bundle.manifest().modelVersion());
    if (json != null) {
      try (OutputFile f = OutputFile.open(json, top.stdout)) {
        EvaluationJson.write(e, bundle.manifest().modelVersion(), results, f.stream());
        f.commit();
      }
    }
    if (predictions != null) {
      try (OutputFile f = OutputFile.open(predictions, top.stdout)) {
        EvaluationText.writePredictions(e, bundle.labels().stream().map(Label::column).toList(),
            f.stream(), !noSpreadsheetSafety);
        f.commit();
      }
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
}
