package org.trollscan.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.trollscan.ToolVersion;
import org.trollscan.input.InputException;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.scoring.ThreadContext;

/**
 * One {@code trollscan eval}: every model scores the same labelled rows on the scoring driver
 * ({@link Evaluator}), then the bootstrap and the gates; the result is what the table, the JSON,
 * the predictions and the HTML page are rendered from.
 */
public final class EvalRun {
  /**
   * A model to evaluate.
   *
   * @param name how the report names it ({@link #names})
   * @param bundle the bundle, with any --threshold overrides applied
   * @param baseline whether it is the --baseline the others are compared with
   */
  public record Model(String name, ModelBundle bundle, boolean baseline) {}

  /**
   * What to evaluate on and how.
   *
   * @param data labelled CSV files, "-" for stdin
   * @param by columns to report per value of
   * @param bootstrap resamples and seed, or null for no intervals
   * @param gates the gates, in the order given
   * @param threads scoring threads
   * @param threadColumn with a model that has a context stage, score each post in its thread
   *     (this column, file order); null to score every post alone
   * @param thresholds --threshold overrides, which in context set the context thresholds
   */
  public record Settings(List<String> data, List<String> by, Bootstrap.Settings bootstrap,
      List<Gate> gates, int threads, String threadColumn, Map<Label, Double> thresholds) {
    public Settings {
      data = List.copyOf(data);
      by = List.copyOf(by);
      gates = List.copyOf(gates);
      thresholds = Map.copyOf(thresholds);
    }

    /** Every post scored alone, at the models' thresholds. */
    public Settings(List<String> data, List<String> by, Bootstrap.Settings bootstrap,
        List<Gate> gates, int threads) {
      this(data, by, bootstrap, gates, threads, null, Map.of());
    }
  }

  private EvalRun() {}

  /**
   * Evaluates the models (the baseline, if any, among them) and checks the gates.
   *
   * @param stdin what "-" in the data reads; read once even when several models score it
   * @param commandLine the arguments as typed, for the report's provenance
   * @param notes takes a line for the user, such as a model scored alone for want of a context
   *     stage
   */
  public static EvalReport run(List<Model> models, Settings settings, InputStream stdin,
      String commandLine, Consumer<String> notes) throws IOException {
    Supplier<InputStream> input = stdinFor(models.size(), settings.data(), stdin);
    List<EvalReport.ModelRun> runs = new ArrayList<>();
    List<Evaluation> evaluations = new ArrayList<>();
    int reference = -1;
    for (Model m : models) {
      Evaluation e = evaluate(m, settings,
          new Evaluator.Data(settings.data(), input.get(), settings.threads()), notes);
      if (!evaluations.isEmpty() && e.rows() != evaluations.get(0).rows()) {
        // Each model reads the files anew; rows that differ cannot be compared pairwise.
        throw new InputException(String.join(", ", settings.data()) + ": changed while it was "
            + "evaluated (" + evaluations.get(0).rows() + " rows for the first model, "
            + e.rows() + " for " + m.name() + ")");
      }
      if (m.baseline()) {
        reference = runs.size();
      }
      evaluations.add(e);
      runs.add(new EvalReport.ModelRun(m.name(), m.bundle().manifest().modelVersion(),
          m.baseline(), e));
    }
    if (reference < 0 && models.size() > 1) {
      reference = 0; // several models and no baseline: each later one against the first
    }
    BootstrapResult bootstrap = settings.bootstrap() == null ? null
        : Bootstrap.run(evaluations, reference, settings.bootstrap());
    EvalReport.Provenance provenance = new EvalReport.Provenance(ToolVersion.get(), commandLine,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), settings.data());
    EvalReport withoutGates = new EvalReport(runs, reference, bootstrap, List.of(), provenance);
    return new EvalReport(runs, reference, bootstrap, check(withoutGates, settings.gates()),
        provenance);
  }

  /**
   * One model's evaluation: in context when a thread column is given and the model has a context
   * stage, alone otherwise (with a note when a thread column was asked for).
   */
  private static Evaluation evaluate(Model m, Settings settings, Evaluator.Data data,
      Consumer<String> notes) throws IOException {
    Evaluator evaluator = new Evaluator(new Scorer(m.bundle()));
    if (settings.threadColumn() == null) {
      return evaluator.evaluate(data, settings.by());
    }
    if (!m.bundle().hasContext()) {
      notes.accept(m.name() + " has no context stage: scored alone");
      return evaluator.evaluate(data, settings.by());
    }
    // Evaluation reads whole files: every thread stays open (no bound to let any go).
    ThreadContext context = ThreadContext.of(m.bundle(), settings.threadColumn(), null,
        settings.thresholds(), Integer.MAX_VALUE);
    Map<String, Double> byName = new LinkedHashMap<>();
    context.thresholds().forEach((label, value) -> byName.put(label.column(), value));
    return evaluator.evaluateInContext(data, settings.by(), context, byName);
  }

  /** Every gate judged on every model under test (not on the baseline), gate by gate. */
  static List<Gate.Result> check(EvalReport report, List<Gate> gates) {
    List<Gate.Result> results = new ArrayList<>();
    List<EvalReport.ModelRun> runs = report.models();
    for (Gate gate : gates) {
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).baseline()) {
          continue;
        }
        if (gate.kind() == Gate.Kind.MIN) {
          results.add(gate.checkMin(runs.get(i).name(),
              runs.get(i).evaluation().labels().get(gate.label()),
              report.interval(i, Scope.ALL, gate.label(), gate.metric())));
        } else {
          results.add(gate.checkDrop(runs.get(i).name(), runs.get(report.reference()).name(),
              report.difference(i, Scope.ALL, gate.label(), gate.metric())));
        }
      }
    }
    return results;
  }

  /**
   * What each model's run reads for "-": stdin itself for one model; for several, stdin read
   * into memory once and replayed (the evaluation keeps every row in memory anyway).
   */
  private static Supplier<InputStream> stdinFor(int models, List<String> data, InputStream stdin)
      throws IOException {
    if (models < 2 || !data.contains("-")) {
      return () -> stdin;
    }
    byte[] all = stdin.readAllBytes();
    return () -> new ByteArrayInputStream(all);
  }

  /**
   * How the report names bundles: their file names ("shipped" for null, the shipped model), or
   * their paths as given where two file names are the same, numbered when even those are.
   */
  public static List<String> names(List<Path> bundles) {
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
