package org.trollscan.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trollscan.ToolVersion;
import org.trollscan.eval.Bootstrap;
import org.trollscan.eval.BootstrapResult;
import org.trollscan.eval.EvalReport;
import org.trollscan.eval.Evaluation;
import org.trollscan.eval.EvaluationJson;
import org.trollscan.eval.EvaluationText;
import org.trollscan.eval.Evaluator;
import org.trollscan.eval.Gate;
import org.trollscan.eval.HtmlReport;
import org.trollscan.eval.Scope;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.input.LabelledPost;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Manifest;
import org.trollscan.model.Scorer;
import org.trollscan.files.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trollscan eval}: parses its options, runs an {@link Evaluator}, prints and gates. */
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
  Map<String, Double> thresholds = new LinkedHashMap<>();

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

  @Option(names = "--no-spreadsheet-safety",
      description = "In --predictions, do not prefix cells starting with = + - @ tab or CR with "
          + "an apostrophe (numbers are never prefixed).")
  boolean noSpreadsheetSafety;

  /** One model's evaluation: in context with --thread-column when it has a context stage. */
  private Evaluation evaluate(ModelBundle bundle, String name, List<LabelledPost> posts) {
    Evaluator evaluator = new Evaluator(new Scorer(bundle));
    if (threadColumn == null) {
      return evaluator.evaluate(posts, by);
    }
    if (!bundle.hasContext()) {
      top.stderr.println("trollscan: " + name + " has no context stage: scored alone");
      return evaluator.evaluate(posts, by);
    }
    if (posts.stream().noneMatch(p -> p.post().fields().containsKey(threadColumn))) {
      throw new org.trollscan.input.InputException("--thread-column " + threadColumn
          + " names no column of the --data files " + data);
    }
    Manifest.Context c = bundle.manifest().context();
    Map<Label, Double> t = new java.util.EnumMap<>(Label.class);
    t.put(Label.HARASSMENT, c.harassmentThreshold());
    t.put(Label.FALSE_REPORT, c.falseReportThreshold());
    thresholds.forEach((label, value) -> t.put(Label.fromColumn(label), value));
    Map<String, Double> byName = new LinkedHashMap<>();
    t.forEach((label, value) -> byName.put(label.column(), value));
    // Evaluation reads whole files: every thread stays open (no bound to let any go).
    return evaluator.evaluateInContext(posts, by, new org.trollscan.scoring.ThreadContext(
        bundle.contextScorer(Integer.MAX_VALUE), threadColumn, null, t, Integer.MAX_VALUE),
        byName);
  }

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
    Map<Label, Double> overrides = new EnumMap<>(Label.class);
    thresholds.forEach((name, value) -> {
      Label label = Label.fromColumn(name);
      if (label == null) {
        throw new UsageException("--threshold: unknown label '" + name + "' ("
            + String.join(", ", labelNames) + ")");
      }
      if (!(value >= 0 && value <= 1)) {
        throw new UsageException("--threshold " + name + " must be between 0 and 1");
      }
      overrides.put(label, value);
    });
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
    List<String> names = names(bundles);
    List<ModelBundle> loaded = new ArrayList<>();
    for (Path p : bundles) {
      ModelBundle b = (p == null ? BundleIO.loadDefault() : BundleIO.load(p))
          .withThresholds(overrides);
      loaded.add(b);
    }

    LabelledCorpusReader reader = new LabelledCorpusReader(Label.columns());
    List<LabelledPost> posts = new ArrayList<>();
    for (String file : data) {
      posts.addAll(reader.read(file));
    }
    List<EvalReport.ModelRun> runs = new ArrayList<>();
    List<Evaluation> evaluations = new ArrayList<>();
    for (int i = 0; i < loaded.size(); i++) {
      Evaluation e = evaluate(loaded.get(i), names.get(i), posts);
      evaluations.add(e);
      runs.add(new EvalReport.ModelRun(names.get(i), loaded.get(i).manifest().modelVersion(),
          baseline != null && i == loaded.size() - 1, e));
    }
    int reference = baseline != null ? loaded.size() - 1 : loaded.size() > 1 ? 0 : -1;
    BootstrapResult bootstrap = resamples == 0 ? null
        : Bootstrap.run(evaluations, reference, new Bootstrap.Settings(resamples, seed));

    EvalReport.Provenance provenance = new EvalReport.Provenance(ToolVersion.get(),
        "trollscan " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), List.copyOf(data));
    EvalReport withoutGates = new EvalReport(runs, reference, bootstrap, List.of(), provenance);
    List<Gate.Result> results = new ArrayList<>();
    for (Gate gate : gates) {
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).baseline()) {
          continue; // gates judge the models under test, not the baseline
        }
        if (gate.kind() == Gate.Kind.MIN) {
          results.add(gate.checkMin(runs.get(i).name(),
              runs.get(i).evaluation().labels().get(gate.label()),
              withoutGates.interval(i, Scope.ALL, gate.label(), gate.metric())));
        } else {
          results.add(gate.checkDrop(runs.get(i).name(), runs.get(reference).name(),
              withoutGates.difference(i, Scope.ALL, gate.label(), gate.metric())));
        }
      }
    }
    EvalReport report = new EvalReport(runs, reference, bootstrap, results, provenance);

    boolean stdoutTaken = "-".equals(json) || "-".equals(predictions) || "-".equals(htmlReport);
    PrintWriter table = stdoutTaken
        ? new PrintWriter(new OutputStreamWriter(top.stderr, StandardCharsets.UTF_8), true)
        : spec.commandLine().getOut();
    EvaluationText.printTable(table, report);
    List<String> labels = loaded.get(0).labels().stream().map(Label::column).toList();
    if (json != null) {
      try (OutputFile f = OutputFile.open(json, top.stdout)) {
        EvaluationJson.write(report, f.stream());
        f.commit();
      }
    }
    if (predictions != null) {
      try (OutputFile f = OutputFile.open(predictions, top.stdout)) {
        EvaluationText.writePredictions(report, labels, by, f.stream(), !noSpreadsheetSafety);
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
    for (Gate.Result r : results) {
      failed |= !r.passed();
      err.println("trollscan: gate " + (r.passed() ? "passed: " : "FAILED: ") + r.describe());
    }
    return failed ? ExitCodes.GATE_FAILED : ExitCodes.OK;
  }

  /** The bundles' file names, or their paths as given where two file names are the same. */
  private static List<String> names(List<Path> bundles) {
    List<String> short_ = bundles.stream()
        .map(p -> p == null ? "shipped" : String.valueOf(p.getFileName())).toList();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < bundles.size(); i++) {
      String s = short_.get(i);
      boolean clash = short_.indexOf(s) != short_.lastIndexOf(s);
      out.add(clash && bundles.get(i) != null ? bundles.get(i).toString() : s);
    }
    // The same path twice (a model against itself) still needs two names.
    for (int i = 0; i < out.size(); i++) {
      if (out.indexOf(out.get(i)) != i) {
        out.set(i, out.get(i) + " (" + (i + 1) + ")");
      }
    }
    return out;
  }
}
