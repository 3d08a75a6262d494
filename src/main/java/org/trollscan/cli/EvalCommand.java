package org.trollscan.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trollscan.eval.Bootstrap;
import org.trollscan.eval.EvalReport;
import org.trollscan.eval.EvalRun;
import org.trollscan.eval.EvaluationJson;
import org.trollscan.eval.EvaluationText;
import org.trollscan.eval.Gate;
import org.trollscan.eval.HtmlReport;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.files.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trollscan eval}: parses its options, runs an {@link EvalRun}, writes its report. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Evaluates models on labelled CSV: per-label metrics with 95%% bootstrap intervals, "
            + "slices, paired comparisons with a baseline, JSON, an HTML report, gates.",
        "Intervals: percentile intervals of --bootstrap resamples; threads are resampled whole "
            + "when the data has a thread_id column, posts otherwise. Differences are paired "
            + "(the same resamples for every model)."},
    footerHeading = "%nGates (each prints one line on stderr; any failure exits 7):%n",
    footer = {
        "  --min LABEL.METRIC=V",
        "      fails when the model's point estimate is below V (above V for brier",
        "      and ece), undefined, or the label was not evaluated.",
        "  --max-drop LABEL.METRIC=V",
        "      fails when the LOWER bound of the 95%% interval of the drop (baseline",
        "      minus model; model minus baseline for brier and ece) exceeds V:",
        "      the drop is credibly larger than allowed.",
        "  METRIC: precision, recall, f1, accuracy, roc_auc (auc),",
        "      average_precision (ap), brier, ece."})
final class EvalCommand implements Callable<Integer> {
  @ParentCommand TrollscanCommand top;
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, paramLabel = "BUNDLE",
      description = "Model bundle to evaluate (repeatable; default: the shipped model). With "
          + "several and no --baseline, each later model is compared with the first.")
  List<Path> models = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "BUNDLE",
      description = "Compare every --model with this bundle on the same rows.")
  Path baseline;

  @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE",
      description = "Labelled CSV files (LABELLING.md).")
  List<String> data;

  @Option(names = "--by", paramLabel = "COLUMN",
      description = "Also report metrics per value of this column (repeatable).")
  List<String> by = new ArrayList<>();

  @Option(names = "--thread-column", paramLabel = "NAME",
      description = "Score each model that has a context stage in context: each post with the"
          + " earlier posts (file order) of its thread in this column (docs/context.md). Models"
          + " without one are scored alone, as a stderr line says.")
  String threadColumn;

  @Option(names = "--threshold", paramLabel = "LABEL=VALUE",
      description = "Evaluate at this threshold instead of the model's (every model).")
  List<String> thresholds = new ArrayList<>();

  @Option(names = "--bootstrap", paramLabel = "N",
      description = "Bootstrap resamples for the intervals (default: "
          + Bootstrap.DEFAULT_RESAMPLES + "; 0: no intervals).")
  int resamples = Bootstrap.DEFAULT_RESAMPLES;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the resamples (default: " + Bootstrap.DEFAULT_SEED + ").")
  long seed = Bootstrap.DEFAULT_SEED;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write every number as JSON (schema " + EvaluationJson.SCHEMA + "); '-': "
          + "stdout, the table then goes to stderr.")
  String json;

  @Option(names = "--predictions", paramLabel = "FILE",
      description = "Write each row's scores, flagged labels, gold labels and --by columns "
          + "as CSV.")
  String predictions;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Write a self-contained HTML report (no scripts, no network).")
  String htmlReport;

  @Option(names = "--min", paramLabel = "LABEL.METRIC=VALUE",
      description = "Quality gate on the point estimate, e.g. harassment.f1=0.8 (repeatable); "
          + "a ceiling for brier and ece.")
  List<String> minGates = new ArrayList<>();

  @Option(names = "--max-drop", paramLabel = "LABEL.METRIC=VALUE",
      description = "Comparison gate, e.g. harassment.f1=0.01 (repeatable): fails when the "
          + "lower bound of the 95%% interval of (baseline - model) exceeds the value.")
  List<String> dropGates = new ArrayList<>();

  @Mixin RunOptions runOptions;

  @Option(names = {"-q", "--quiet"},
      description = "On stderr only what failed: no line per passing gate, and no table when "
          + "--json - takes stdout (failed gates and warnings are still printed).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    // Every mistake on the command line stops the run before a model is loaded.
    List<String> labelNames = Label.columns();
    List<Gate> gates = new ArrayList<>();
    UsageException.fromOptions(() -> {
      minGates.forEach(s -> gates.add(Gate.parse(Gate.Kind.MIN, s, labelNames)));
      dropGates.forEach(s -> gates.add(Gate.parse(Gate.Kind.MAX_DROP, s, labelNames)));
      return gates;
    });
    int threads = runOptions.threads();
    for (Gate.Kind kind : Gate.Kind.values()) {
      for (String s : kind == Gate.Kind.MIN ? minGates : dropGates) {
        String note = Gate.deprecationNote(kind, s);
        if (note != null) {
          top.stderr.println("trollscan: warning: " + note);
        }
      }
    }
    if (resamples < 0) {
      throw new UsageException("--bootstrap must be 0 or more, not " + resamples);
    }
    boolean comparing = baseline != null || models.size() > 1;
    if (!dropGates.isEmpty() && !comparing) {
      throw new UsageException("--max-drop needs a --baseline (or a second --model) "
          + "to measure the drop from");
    }
    if (!dropGates.isEmpty() && resamples == 0) {
      throw new UsageException("--max-drop compares a bootstrap interval: it needs "
          + "--bootstrap 1 or more (default " + Bootstrap.DEFAULT_RESAMPLES + ")");
    }
    Map<Label, Double> overrides = LabelSettings.thresholds(thresholds,
        List.of(Label.values()));
    for (String output : new String[] {json, predictions, htmlReport}) {
      UsageException.fromOptions(() -> OutputFile.check(output, top.stdout));
    }
    for (String file : data) {
      // An option picocli does not know, taken as a file name by --data's arity.
      if (file.startsWith("-") && !file.equals("-") && !Files.exists(Path.of(file))) {
        throw new UsageException("eval: unknown option '" + file + "' (after --data)");
      }
    }

    List<Path> bundles = new ArrayList<>(models);
    if (bundles.isEmpty()) {
      bundles.add(null);
    }
    if (baseline != null) {
      bundles.add(baseline);
    }
    List<String> names = EvalRun.names(bundles);
    List<EvalRun.Model> loaded = new ArrayList<>();
    for (int i = 0; i < bundles.size(); i++) {
      Path p = bundles.get(i);
      ModelBundle b = (p == null ? BundleIO.loadDefault() : BundleIO.load(p))
          .withThresholds(overrides);
      loaded.add(new EvalRun.Model(names.get(i), b, baseline != null && i == bundles.size() - 1));
    }
    EvalRun.Settings settings = new EvalRun.Settings(data, by,
        resamples == 0 ? null : new Bootstrap.Settings(resamples, seed), gates, threads,
        threadColumn, overrides);
    EvalReport report = EvalRun.run(loaded, settings, top.stdin,
        "trollscan " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
        note -> top.stderr.println("trollscan: " + note));

    boolean stdoutTaken = "-".equals(json) || "-".equals(predictions) || "-".equals(htmlReport);
    PrintWriter table = stdoutTaken
        ? new PrintWriter(new OutputStreamWriter(top.stderr, StandardCharsets.UTF_8), true)
        : spec.commandLine().getOut();
    if (!(quiet && stdoutTaken)) {
      EvaluationText.printTable(table, report);
    }
    List<String> labels = loaded.get(0).bundle().labels().stream().map(Label::column).toList();
    if (json != null) {
      try (OutputFile f = OutputFile.open(json, top.stdout)) {
        EvaluationJson.write(report, f.stream());
        f.commit();
      }
    }
    if (predictions != null) {
      try (OutputFile f = OutputFile.open(predictions, top.stdout)) {
        EvaluationText.writePredictions(report, labels, by, f.stream(),
            runOptions.spreadsheetSafe());
        f.commit();
      }
    }
    if (htmlReport != null) {
      try (OutputFile f = OutputFile.open(htmlReport, top.stdout)) {
        f.stream().write(HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
        f.commit();
      }
    }
    PrintStream err = top.stderr;
    boolean failed = false;
    for (Gate.Result r : report.gates()) {
      failed |= !r.passed();
      if (quiet && r.passed()) {
        continue;
      }
      err.println("trollscan: gate " + (r.passed() ? "passed: " : "FAILED: ") + r.describe());
    }
    return failed ? ExitCodes.GATE_FAILED : ExitCodes.OK;
  }
}
