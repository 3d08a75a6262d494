package org.trollscan.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.trollscan.context.HarassmentRule;
import org.trollscan.model.TrainingSettings;
import org.trollscan.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import org.trollscan.features.FeatureSettings;
import org.trollscan.rules.StepSettings;

/**
 * {@code trollscan train}: parses the settings, has a {@link TrainingRun} check them, read the
 * data and check the folds, then train.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Trains a model bundle from labelled CSV (LABELLING.md): one maxent model per label, "
            + "thresholds chosen on out-of-fold scores of K-fold cross-validation grouped by "
            + "thread_id, metrics printed as mean ± sd over the folds."})
final class TrainCommand implements Callable<Integer> {
  private static final TrainingSettings T = TrainingSettings.defaults();
  private static final FeatureSettings F = FeatureSettings.defaults();

  @ParentCommand TrollscanCommand top;

  @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE",
      description = "Labelled CSV files. Never pass a test split.")
  List<String> data;

  @Option(names = "--tune-on", arity = "1..*", paramLabel = "FILE",
      description = "Choose thresholds and report cross-validated metrics on the rows of these "
          + "--data files only (default: all rows); use it when training mixes domains.")
  List<String> tuneOn = new java.util.ArrayList<>();

  @Option(names = "--weight", paramLabel = "FILE=N",
      description = "Count each row of this --data file N times in training (repeatable), "
          + "e.g. to give a small in-domain corpus more say than a large out-of-domain one.")
  java.util.Map<String, Integer> weights = new java.util.LinkedHashMap<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "BUNDLE",
      description = "Where to write the model bundle (written atomically).")
  Path output;

  @Option(names = "--model-version", paramLabel = "TEXT",
      description = "Version recorded in the bundle (default: today's date).")
  String modelVersion;

  @Option(names = "--algorithm", paramLabel = "QN|GIS",
      description = "Maxent trainer: QN (L-BFGS) or GIS (default: " + "QN" + ").")
  String algorithm = T.algorithm();

  @Option(names = "--iterations", paramLabel = "N", description = "Maximum iterations (default: 300).")
  int iterations = T.iterations();

  @Option(names = "--cutoff", paramLabel = "N",
      description = "Minimum occurrences of a feature (default: 2).")
  int cutoff = T.cutoff();

  @Option(names = "--l1", paramLabel = "COST", description = "L1 cost, QN only (default: 0).")
  double l1 = T.l1Cost();

  @Option(names = "--l2", paramLabel = "COST", description = "L2 cost, QN only (default: 0.3).")
  double l2 = T.l2Cost();

  @Option(names = "--cv", paramLabel = "K",
      description = "Cross-validation folds for thresholds and metrics (default: 5).")
  int folds = T.folds();

  @Option(names = "--cv-repeats", paramLabel = "R",
      description = "Run cross-validation R times with different fold assignments and choose"
          + " thresholds on all the out-of-fold scores together (default: 3).")
  int repeats = T.repeats();

  @Option(names = "--seed", paramLabel = "N", description = "Fold assignment seed (default: "
      + TrainingSettings.DEFAULT_SEED + ").")
  long seed = T.seed();

  @Option(names = "--target-precision", paramLabel = "P",
      description = "Choose each threshold as the lowest with out-of-fold precision >= P "
          + "(overrides --threshold-rule).")
  Double targetPrecision;

  @Option(names = "--threshold-rule", paramLabel = "RULE",
      description = "break-even: where out-of-fold precision equals recall (and F1); max-f1: "
          + "the out-of-fold F1 maximum, which on a flat F1 curve moves a lot between "
          + "retrainings (default: ${DEFAULT-VALUE}).")
  String thresholdRule = T.thresholdRule();

  @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: all cores).")
  int threads = T.threads();

  @Option(names = "--tokenizer", paramLabel = "forum|ud",
      description = "Tokenizer (default: forum; ud = OpenNLP's UD English model).")
  String tokenizer = F.tokenizer();

  @Option(names = "--word-ngrams", paramLabel = "N", description = "Longest word n-gram, 0 = off (default: 2).")
  int wordNgrams = F.wordNgramMax();

  @Option(names = "--char-ngrams", paramLabel = "MIN-MAX",
      description = "Character n-gram range, 0 = off (default: 3-4).")
  String charNgrams = F.charNgramMin() + "-" + F.charNgramMax();

  @Option(names = "--no-cues", description = "Turn the lexicon cue features off (for ablation).")
  boolean noCues;

  @Option(names = "--no-scope-marks",
      description = "Do not mark words in the scope of a negation, inside quotes or in a "
          + "condemned report as features of their own (for ablation).")
  boolean noMarkNegatedAndQuoted;

  @Option(names = "--step-setting", paramLabel = "PART.STAGE.NAME=VALUE",
      description = "Train with this step setting instead of its default (repeatable), e.g. "
          + "annotators.negation.maxTokens=4; the bundle records it (docs/model-bundle.md, "
          + "\"Step settings\").")
  List<String> stepSettings = new java.util.ArrayList<>();

  @Option(names = "--thread-column", paramLabel = "NAME",
      description = "Also train a context stage: each post read with its thread so far (the "
          + "posts with the same value in this column, in file order), for score "
          + "--thread-column (docs/context.md). Default: none, posts alone.")
  String threadColumn;

  @Option(names = "--context-harassment", paramLabel = "implied|model",
      description = "With --thread-column, how harassment is scored in context: implied (the "
          + "post-alone score, raised to the context false_report score where that is flagged) "
          + "or model (a harassment context model's score, raised the same way). Training "
          + "prints both rules' metrics (docs/context.md). Default: implied.")
  String contextHarassment;

  @Option(names = {"-q", "--quiet"},
      description = "No progress lines (rows read, folds done); thresholds, cross-validated "
          + "metrics and warnings are still printed.")
  boolean quiet;

  @Override
  public Integer call() {
    // Every mistake that needs no training is refused first: cross-validation takes minutes.
    atLeast("--cv", folds, 2);
    atLeast("--cv-repeats", repeats, 1);
    atLeast("--iterations", iterations, 1);
    atLeast("--cutoff", cutoff, 0);
    atLeast("--threads", threads, 1);
    if (targetPrecision != null && !(targetPrecision > 0 && targetPrecision <= 1)) {
      throw new UsageException("--target-precision must be above 0 and at most 1, not "
          + targetPrecision);
    }
    int charMin = 0;
    int charMax = 0;
    if (!charNgrams.equals("0")) {
      String[] parts = charNgrams.split("-");
      try {
        charMin = Integer.parseInt(parts.length == 2 ? parts[0].strip() : "");
        charMax = Integer.parseInt(parts[1].strip());
      } catch (NumberFormatException e) {
        throw new UsageException("--char-ngrams must be MIN-MAX or 0, not '" + charNgrams + "'");
      }
    }
    int min = charMin;
    int max = charMax;
    FeatureSettings features = UsageException.fromOptions(() -> new FeatureSettings(tokenizer,
        wordNgrams, min, max, !noCues, !noMarkNegatedAndQuoted));
    TrainingSettings settings = UsageException.fromOptions(() -> new TrainingSettings(algorithm,
        iterations, cutoff, l1, l2, folds, repeats, seed, targetPrecision, thresholdRule, threads));
    StepSettings steps;
    try {
      steps = StepSettings.defaults().with(stepSettings);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--step-setting " + e.getMessage());
    }
    String version = modelVersion != null ? modelVersion : LocalDate.now().toString();
    java.io.PrintStream progress = quiet
        ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : top.stderr;
    if (threadColumn != null && threadColumn.isBlank()) {
      throw new UsageException("--thread-column needs a column name");
    }
    HarassmentRule harassmentRule = contextHarassment == null ? HarassmentRule.IMPLIED
        : UsageException.fromOptions(() -> HarassmentRule.fromOption(contextHarassment));
    if (contextHarassment != null && threadColumn == null) {
      throw new UsageException("--context-harassment needs --thread-column: it says how the"
          + " context stage scores harassment");
    }
    TrainingRun run = new TrainingRun(settings, features, top.stderr, progress,
        java.util.Set.copyOf(tuneOn), weights).withThreadColumn(threadColumn)
        .withStepSettings(steps).withContextHarassment(harassmentRule);
    UsageException.fromOptions(() -> run.check(data, version, output));
    TrainingRun.Corpus corpus = run.read(data);
    UsageException.fromOptions(() -> run.checkFolds(corpus));
    run.train(corpus, version, output);
    top.stderr.printf("wrote %s%n", output);
    return ExitCodes.OK;
  }

  /** Refuses a whole-number option below its least sensible value. */
  private static void atLeast(String option, int value, int least) {
    if (value < least) {
      throw new UsageException(option + " must be at least " + least + ", not " + value);
    }
  }
}
