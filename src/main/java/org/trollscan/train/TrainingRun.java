package org.trollscan.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import opennlp.tools.ml.model.AbstractModel;
import org.trollscan.eval.Metrics;
import org.trollscan.files.OutputFile;
import org.trollscan.input.InputException;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.input.LabelledPost;
import org.trollscan.normalize.PostText;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.LabelImplication;
import org.trollscan.model.LabelModel;
import org.trollscan.model.Manifest;
import org.trollscan.model.MaxentTrainer;
import org.trollscan.model.TrainingSettings;
import org.trollscan.ToolVersion;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.FeatureVector;
import org.trollscan.features.Featurizer;
import org.trollscan.features.Pipeline;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;

/**
 * Trains a model bundle from labelled CSV files: featurises every post once, runs K-fold
 * cross-validation per label (folds grouped by thread and stratified by label), chooses each
 * threshold on the out-of-fold scores (harassment's after {@link LabelImplication}, as they will
 * be scored), trains the final model on all rows, and writes the bundle with a manifest that
 * records data, settings, the pipeline and cross-validated metrics, and with the rule files the
 * features were computed with.
 */
public final class TrainingRun {
  private final TrainingSettings settings;
  private final FeatureSettings features;
  private final PrintStream log;
  private final PrintStream progress;
  private final Set<String> tuneFiles;
  private final Map<String, Integer> weights;
  /** The rule files the features are computed with and the bundle carries. */
  private Rules rules = Rules.fromClasspath();
  /** The pipeline stages' numeric settings, which the bundle records. */
  private StepSettings steps = StepSettings.defaults();

  public TrainingRun(TrainingSettings settings, FeatureSettings features, PrintStream log) {
    this(settings, features, log, Set.of(), Map.of());
  }

  /**
   * @param tuneFiles training files whose rows choose the thresholds and report the
   *     cross-validated metrics; empty for all rows. Mixed-domain training (tweets plus forum
   *     posts) needs this: a threshold fitted to the pooled rows suits the larger domain only.
   * @param weights per training file, how many times each of its rows counts in training (OpenNLP
   *     events carry no weight, so a row is repeated); files not named count once. Out-of-fold
   *     scores, thresholds and metrics still use each row once.
   */
  public TrainingRun(TrainingSettings settings, FeatureSettings features, PrintStream log,
      Set<String> tuneFiles, Map<String, Integer> weights) {
    this(settings, features, log, log, tuneFiles, weights);
  }

  /**
   * @param log results and warnings: thresholds, cross-validated metrics, labels not trained
   * @param progress what the run is doing (rows read, folds done), which a CI log can do without
   */
  public TrainingRun(TrainingSettings settings, FeatureSettings features, PrintStream log,
      PrintStream progress, Set<String> tuneFiles, Map<String, Integer> weights) {
    this.settings = settings;
    this.features = features;
    this.log = log;
    this.progress = progress;
    this.tuneFiles = Set.copyOf(tuneFiles);
    this.weights = Map.copyOf(weights);
  }

  /**
   * Trains with these rules instead of this trollscan's rule files ({@link Rules#fromClasspath}),
   * e.g. an edited copy being tried out; the bundle carries them. Returns this run.
   */
  public TrainingRun withRules(Rules rules) {
    this.rules = rules;
    return this;
  }

  /**
   * Trains with these step settings instead of the defaults (the negation scope, the evidence
   * limits...); the bundle records them in its pipeline and scores with them. Returns this run.
   */
  public TrainingRun withStepSettings(StepSettings settings) {
    this.steps = settings;
    return this;
  }

  /** The thread column that turns the context stage on, or null for none. */
  private String threadColumn;

  /**
   * Trains a context stage too, reading each post's thread from this column
   * ({@code train --thread-column}); null (the default) for none. Returns this run.
   */
  public TrainingRun withThreadColumn(String column) {
    this.threadColumn = column;
    return this;
  }

  /** How the context stage scores harassment ({@code train --context-harassment}). */
  private org.trollscan.context.HarassmentRule contextHarassment =
      org.trollscan.context.HarassmentRule.IMPLIED;

  /**
   * Trains the context stage with this harassment rule (default implied); it matters only with
   * a thread column. Returns this run.
   */
  public TrainingRun withContextHarassment(org.trollscan.context.HarassmentRule rule) {
    this.contextHarassment = java.util.Objects.requireNonNull(rule);
    return this;
  }

  /** Cross-validated results of one label. */
  public record LabelReport(Label label, long rows, long positives, double threshold, String rule,
      Map<String, double[]> crossValidation) {}

  /** What a run produced. */
  public record Result(Manifest manifest, List<LabelReport> reports) {}

  /**
   * Checks, reads and trains: {@link #check}, {@link #read}, {@link #checkFolds}, then
   * {@link #train}.
   */
  public Result run(List<String> files, String modelVersion, Path output) {
    check(files, modelVersion, output);
    Corpus corpus = read(files);
    checkFolds(corpus);
    return train(corpus, modelVersion, output);
  }

  /** The labelled rows of the training files, in order, and what the manifest records of each file. */
  public record Corpus(List<LabelledPost> posts, List<Manifest.DataFile> data) {}

  /** Longest model version a bundle may record ({@code ManifestReader} refuses longer). */
  static final int MAX_VERSION = 100;

  /**
   * Every check of the settings, names and paths that needs neither the rows nor any training,
   * so that a mistake costs a second, not the minutes of cross-validation before the bundle is
   * written: an IllegalArgumentException names the option at fault; an {@link InputException}
   * a training file that is missing or unreadable; an UncheckedIOException an output that
   * cannot be written (its folder refuses new files, or it is no file at all).
   */
  public void check(List<String> files, String modelVersion, Path output) {
    if (features.wordNgramMax() == 0 && features.charNgramMax() == 0 && !features.cues()) {
      throw new IllegalArgumentException("--word-ngrams 0, --char-ngrams 0 and --no-cues leave"
          + " the model no features; keep at least one family");
    }
    // TrainingSettings refuses negative costs; NaN and infinity pass its comparisons, and with
    // them L-BFGS runs to its iteration limit (minutes) for a bundle loading would refuse.
    if (!Double.isFinite(settings.l1Cost()) || !Double.isFinite(settings.l2Cost())) {
      throw new IllegalArgumentException("--l1 and --l2 must be finite, not "
          + (Double.isFinite(settings.l1Cost()) ? settings.l2Cost() : settings.l1Cost()));
    }
    if (settings.targetPrecision() != null && settings.targetPrecision().isNaN()) {
      throw new IllegalArgumentException("--target-precision must be above 0 and at most 1, "
          + "not NaN");
    }
    checkVersion(modelVersion);
    for (String tune : tuneFiles) {
      if (!files.contains(tune)) {
        throw new IllegalArgumentException("--tune-on " + tune + " is not one of the --data files");
      }
    }
    weights.forEach((file, w) -> {
      if (!files.contains(file) || w < 1) {
        throw new IllegalArgumentException("--weight " + file + "=" + w
            + ": the file must be one of the --data files and the weight at least 1");
      }
    });
    for (String file : files) {
      checkReadable(file);
      if (isSameFile(Path.of(file), output)) {
        throw new IllegalArgumentException("-o " + output + " is the --data file " + file
            + "; the bundle would replace the corpus it was trained on");
      }
    }
    checkWritable(output);
  }

  /** The version the manifest records: what loading the bundle will accept. */
  private static void checkVersion(String version) {
    if (version.isEmpty() || version.length() > MAX_VERSION) {
      throw new IllegalArgumentException("--model-version must be 1 to " + MAX_VERSION
          + " characters, not " + version.length());
    }
    for (int i = 0; i < version.length(); i++) {
      int type = Character.getType(version.charAt(i));
      if (type == Character.CONTROL || type == Character.FORMAT) {
        throw new IllegalArgumentException("--model-version holds the control character U+"
            + String.format("%04X", (int) version.charAt(i)) + "; use printable text");
      }
    }
  }

  /** A training file that cannot be opened, said now as reading it would say it. */
  private static void checkReadable(String file) {
    if (file.equals("-")) {
      return;
    }
    Path p = Path.of(file);
    if (!Files.exists(p)) {
      throw new InputException(file + ": no such file");
    }
    if (Files.isDirectory(p)) {
      throw new InputException(file + ": is a directory, not a labelled CSV file");
    }
    if (!Files.isReadable(p)) {
      throw new InputException(file + ": permission denied");
    }
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false; // then the write decides
    }
  }

  /**
   * Refuses an output the bundle could not be written to, creating nothing that stays: what
   * {@link OutputFile#check} refuses, then a probe file made and deleted in the folder the
   * bundle's temporary file will be made in (or the nearest folder that exists above it). A
   * character device or FIFO is written through and not probed (opening a FIFO would wait for
   * a reader).
   */
  static void checkWritable(Path output) {
    OutputFile.check(output.toString(), null);
    Path target = output.toAbsolutePath();
    if (Files.exists(target)) {
      if (!Files.isRegularFile(target)) {
        return;
      }
      try {
        target = target.toRealPath();
      } catch (IOException e) {
        return; // the write decides
      }
    } else if (Files.isSymbolicLink(target)) {
      return; // a dangling link: the write follows it and decides
    }
    Path folder = target.getParent();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    if (folder == null) {
      return;
    }
    if (!Files.isDirectory(folder)) {
      throw new UncheckedIOException(output + ": cannot write: " + folder + " is not a folder",
          new IOException(folder + " is not a folder"));
    }
    try {
      Files.delete(Files.createTempFile(folder, ".trollscan-probe-", ".part"));
    } catch (IOException e) {
      throw new UncheckedIOException(output + ": cannot write in " + folder + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** Reads and checks every training file (LABELLING.md); the first bad row stops it. */
  public Corpus read(List<String> files) {
    List<LabelledPost> posts = new ArrayList<>();
    List<Manifest.DataFile> data = new ArrayList<>();
    LabelledCorpusReader reader = new LabelledCorpusReader(Label.columns());
    Map<String, String> unthreaded = new LinkedHashMap<>();
    for (String file : files) {
      List<LabelledPost> rows = reader.read(file);
      if (threadColumn != null && !rows.isEmpty()
          && !rows.get(0).post().fields().containsKey(threadColumn)) {
        // Data without threads (OLID's tweets) may train beside threaded data: each of its posts
        // is a thread of its own. But a column no file has is a mistake.
        unthreaded.put(file, String.join(", ", rows.get(0).post().fields().keySet()));
      }
      for (LabelledPost p : rows) {
        String empty = PostText.refusalInCorpus(p.post().text());
        if (empty != null) {
          throw new InputException(file, p.post().line(), empty);
        }
        Boolean fr = p.gold().get(Label.FALSE_REPORT.column());
        Boolean h = p.gold().get(Label.HARASSMENT.column());
        if (Boolean.TRUE.equals(fr) && Boolean.FALSE.equals(h)) {
          throw new InputException(file, p.post().line(),
              "false_report is 1 but harassment is 0 (LABELLING.md: it must be 1 or empty)");
        }
      }
      posts.addAll(rows);
      try {
        data.add(new Manifest.DataFile(file, rows.size(), BundleIO.sha256(Path.of(file))));
      } catch (IOException e) {
        throw new InputException(file + ": cannot read: " + e.getMessage());
      }
      progress.printf("read %,d rows from %s%n", rows.size(), file);
    }
    if (threadColumn != null && unthreaded.size() == files.size()) {
      Map.Entry<String, String> first = unthreaded.entrySet().iterator().next();
      throw new InputException(first.getKey(), 1, "--thread-column " + threadColumn
          + " names no column; the columns are: " + first.getValue());
    }
    unthreaded.keySet().forEach(file -> log.printf("%s has no column %s: each of its posts is"
        + " a thread of its own%n", file, threadColumn));
    return new Corpus(List.copyOf(posts), List.copyOf(data));
  }

  /**
   * Refuses a fold count the rows cannot fill: in every repeat, each fold must hold rows of both
   * classes of every label trained, or its model is not tested on what it separates and the
   * cross-validated AUC, AP and Brier score come out undefined. Folds take whole threads, so
   * the limit is set by threads, not rows. An IllegalArgumentException names the largest
   * {@code --cv} that would do.
   */
  public void checkFolds(Corpus corpus) {
    List<LabelledPost> posts = corpus.posts();
    boolean any = false;
    for (Label label : Label.values()) {
      List<Integer> rows = labelledRows(posts, label);
      if (rows.isEmpty()) {
        continue;
      }
      any = true;
      boolean[] gold = gold(posts, rows, label);
      long positives = Metrics.positives(gold);
      if (positives == 0 || positives == rows.size()) {
        throw oneClass(label, positives, rows.size());
      }
      if (fillsEveryFold(rows, posts, gold, settings.folds())) {
        continue;
      }
      int most = settings.folds() - 1;
      while (most >= 2 && !fillsEveryFold(rows, posts, gold, most)) {
        most--;
      }
      long threads = rows.stream().map(i -> posts.get(i).group()).distinct().count();
      throw new IllegalArgumentException("--cv " + settings.folds() + ": " + label.column()
          + "'s " + rows.size() + " labelled rows are in " + threads + " threads ("
          + LabelledCorpusReader.GROUP_COLUMN + "; a row without one is a thread of its own),"
          + " too few for every fold to hold a positive and a negative row; "
          + (most >= 2 ? "use --cv " + most + " or fewer"
              : "the data needs more threads of each class"));
    }
    if (!any) {
      throw noLabels();
    }
  }

  private static InputException oneClass(Label label, long positives, int rows) {
    return new InputException(label.column() + ": the training data has only one class ("
        + positives + " positive of " + rows + "); a model needs both");
  }

  private static InputException noLabels() {
    return new InputException("no row is labelled for any of " + Label.columns());
  }

  /** Whether every fold of every repeat holds both classes. */
  private boolean fillsEveryFold(List<Integer> rows, List<LabelledPost> posts, boolean[] gold,
      int folds) {
    for (int r = 0; r < settings.repeats(); r++) {
      int[] fold = assignFolds(rows, posts, gold, settings.seed() + r, folds);
      boolean[] positive = new boolean[folds];
      boolean[] negative = new boolean[folds];
      for (int k = 0; k < fold.length; k++) {
        (gold[k] ? positive : negative)[fold[k]] = true;
      }
      for (int f = 0; f < folds; f++) {
        if (!positive[f] || !negative[f]) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Integer> labelledRows(List<LabelledPost> posts, Label label) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      if (posts.get(i).gold().containsKey(label.column())) {
        rows.add(i);
      }
    }
    return rows;
  }

  private static boolean[] gold(List<LabelledPost> posts, List<Integer> rows, Label label) {
    boolean[] gold = new boolean[rows.size()];
    for (int k = 0; k < gold.length; k++) {
      gold[k] = posts.get(rows.get(k)).gold().get(label.column());
    }
    return gold;
  }

  /**
   * Featurises every post once, cross-validates and trains each label, chooses the thresholds
   * and writes the bundle to {@code output}.
   */
  public Result train(Corpus corpus, String modelVersion, Path output) {
    List<LabelledPost> posts = corpus.posts();
    List<Manifest.DataFile> data = corpus.data();
    Featurizer featurizer = new Featurizer(features, steps, rules);
    long start = System.nanoTime();
    FeatureVector[] vectors = new FeatureVector[posts.size()];
    IntStream.range(0, posts.size()).parallel()
        .forEach(i -> vectors[i] = featurizer.featurize(posts.get(i).post().text()));
    progress.printf("featurised %,d posts in %.1f s%n", posts.size(), (System.nanoTime() - start) / 1e9);

    Map<Label, AbstractModel> models = new EnumMap<>(Label.class);
    Map<Label, OutOfFold> outOfFold = new EnumMap<>(Label.class);
    for (Label label : Label.values()) {
      List<Integer> rows = labelledRows(posts, label);
      if (rows.isEmpty()) {
        log.printf("%s: no labelled rows, not trained%n", label.column());
        continue;
      }
      outOfFold.put(label, trainLabel(label, rows, posts, vectors, models));
    }
    // false_report's threshold first: through LabelImplication it decides which harassment
    // scores are raised, and harassment's threshold is chosen on the scores as they will be.
    Map<Label, LabelReport> byLabel = new EnumMap<>(Label.class);
    OutOfFold falseReport = outOfFold.get(Label.FALSE_REPORT);
    if (falseReport != null) {
      byLabel.put(Label.FALSE_REPORT, decide(falseReport, falseReport.scores(), "", posts));
    }
    OutOfFold harassment = outOfFold.get(Label.HARASSMENT);
    if (harassment != null) {
      byLabel.put(Label.HARASSMENT, falseReport == null
          ? decide(harassment, harassment.scores(), "", posts)
          : decide(harassment, implied(harassment, falseReport,
              byLabel.get(Label.FALSE_REPORT).threshold()),
              "; scores raised to false_report's where it is flagged", posts));
    }
    List<Manifest.LabelEntry> entries = new ArrayList<>();
    List<LabelReport> reports = new ArrayList<>(byLabel.values());
    for (LabelReport report : reports) {
      entries.add(new Manifest.LabelEntry(report.label().column(), null, null, report.threshold(),
          report.rule(), report.rows(), report.positives(), report.crossValidation()));
    }
    if (entries.isEmpty()) {
      throw noLabels();
    }
    Manifest draft = new Manifest(Manifest.FORMAT_VERSION, modelVersion, ToolVersion.get(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), features,
        Pipeline.of(features, steps), settings, data, entries,
        harassment != null && falseReport != null);
    ContextTraining.Result context = null;
    if (threadColumn != null) {
      if (falseReport == null || harassment == null) {
        throw new InputException("--thread-column " + threadColumn + ": a context stage needs"
            + " rows labelled for both harassment and false_report");
      }
      context = trainContext(posts, falseReport, harassment,
          byLabel.get(Label.FALSE_REPORT).threshold());
      draft = draft.withContext(context.block());
    }
    Manifest written = BundleIO.write(draft, models, context == null ? null : context.model(),
        context == null ? null : context.harassmentModel(), rules, output);
    return new Result(written, reports);
  }

  /**
   * The context stage, trained on the first repeat's out-of-fold scores: false_report's, and
   * harassment's after the implication, as scoring gives them to the context stage.
   */
  private ContextTraining.Result trainContext(List<LabelledPost> posts, OutOfFold falseReport,
      OutOfFold harassment, double threshold) {
    String[] threads = new String[posts.size()];
    double[] fr = new double[posts.size()];
    double[] h = new double[posts.size()];
    java.util.Arrays.fill(fr, Double.NaN);
    java.util.Arrays.fill(h, Double.NaN);
    for (int i = 0; i < posts.size(); i++) {
      threads[i] = posts.get(i).post().fields().getOrDefault(threadColumn, "");
    }
    for (int k = 0; k < falseReport.rows().size(); k++) {
      fr[falseReport.rows().get(k)] = falseReport.scores()[0][k];
    }
    double[] impliedH = implied(harassment, falseReport, threshold)[0];
    for (int k = 0; k < harassment.rows().size(); k++) {
      h[harassment.rows().get(k)] = impliedH[k];
    }
    return new ContextTraining(settings, log, contextHarassment).train(posts, threads, fr, h,
        threshold, threadColumn);
  }

  /**
   * A label's out-of-fold scores: {@code scores[r][k]} for repeat r and the k-th of the label's
   * {@code rows} (indices into the posts), with its fold and gold value.
   */
  private record OutOfFold(Label label, List<Integer> rows, boolean[] gold, double[][] scores,
      int[][] folds) {}

  /**
   * Cross-validates one label (its out-of-fold scores for every repeat) and trains its final
   * model on all its rows into {@code models}.
   */
  private OutOfFold trainLabel(Label label, List<Integer> rows, List<LabelledPost> posts,
      FeatureVector[] vectors, Map<Label, AbstractModel> models) {
    int n = rows.size();
    boolean[] gold = new boolean[n];
    List<FeatureVector> fvs = new ArrayList<>(n);
    List<Boolean> golds = new ArrayList<>(n);
    int[] weight = new int[n];
    for (int k = 0; k < n; k++) {
      LabelledPost p = posts.get(rows.get(k));
      gold[k] = p.gold().get(label.column());
      fvs.add(vectors[rows.get(k)]);
      golds.add(gold[k]);
      weight[k] = weights.getOrDefault(p.post().source(), 1);
    }
    long positives = Metrics.positives(gold);
    if (positives == 0 || positives == n) {
      throw oneClass(label, positives, n);
    }
    // One out-of-fold score per post and repeat; fold ids run on across repeats (repeat r holds
    // folds r*K .. r*K+K-1), so metrics are a mean over all R*K folds.
    int repeats = settings.repeats();
    double[][] oofByRepeat = new double[repeats][n];
    int[][] foldByRepeat = new int[repeats][];
    MaxentTrainer trainer = new MaxentTrainer(settings);
    for (int r = 0; r < repeats; r++) {
      int[] fold = assignFolds(rows, posts, gold, settings.seed() + r, settings.folds());
      foldByRepeat[r] = fold;
      for (int f = 0; f < settings.folds(); f++) {
        int held = f;
        AbstractModel m = trainWeighted(trainer, fvs, golds, weight, k -> fold[k] != held).model();
        int pos = m.getIndex(LabelModel.POSITIVE);
        for (int k = 0; k < n; k++) {
          if (fold[k] == f) {
            oofByRepeat[r][k] = m.eval(fvs.get(k).names(), fvs.get(k).values())[pos];
          }
        }
        progress.printf("%s: fold %d/%d of repeat %d/%d done%n", label.column(), f + 1,
            settings.folds(), r + 1, repeats);
      }
    }
    MaxentTrainer.Trained finalModel = trainWeighted(trainer, fvs, golds, weight, k -> true);
    models.put(label, finalModel.model());
    if (finalModel.runs() > 1) {
      // OpenNLP's minimizer stops after any one small step; say when it had to be restarted.
      log.printf("%s: the final model took %d L-BFGS runs to reach its minimum%n", label.column(),
          finalModel.runs());
    }
    return new OutOfFold(label, rows, gold, oofByRepeat, foldByRepeat);
  }

  /**
   * Harassment's out-of-fold scores after {@link LabelImplication}, with false_report's
   * out-of-fold scores of the same posts and repeats (both held out of the models that scored
   * them). Posts labelled for harassment only, such as tweets, keep their own scores: they have
   * no out-of-fold false_report score.
   */
  private static double[][] implied(OutOfFold harassment, OutOfFold falseReport,
      double threshold) {
    Map<Integer, Integer> positionOf = new HashMap<>();
    for (int k = 0; k < falseReport.rows().size(); k++) {
      positionOf.put(falseReport.rows().get(k), k);
    }
    double[][] out = new double[harassment.scores().length][];
    for (int r = 0; r < out.length; r++) {
      out[r] = harassment.scores()[r].clone();
      for (int k = 0; k < out[r].length; k++) {
        Integer j = positionOf.get(harassment.rows().get(k));
        if (j != null) {
          out[r][k] = LabelImplication.harassment(out[r][k], falseReport.scores()[r][j],
              threshold);
        }
      }
    }
    return out;
  }

  /**
   * A label's threshold and cross-validated metrics, on {@code scores} (its out-of-fold scores,
   * or harassment's after the implication, which {@code ruleNote} then says).
   */
  private LabelReport decide(OutOfFold oof, double[][] scores, String ruleNote,
      List<LabelledPost> posts) {
    Label label = oof.label();
    List<Integer> rows = oof.rows();
    boolean[] gold = oof.gold();
    int n = rows.size();
    long positives = Metrics.positives(gold);
    int repeats = settings.repeats();
    int[][] foldByRepeat = oof.folds();
    boolean[] tune = new boolean[n];
    int tuneRows = 0;
    long tunePositives = 0;
    for (int k = 0; k < n; k++) {
      tune[k] = tuneFiles.isEmpty() || tuneFiles.contains(posts.get(rows.get(k)).post().source());
      if (tune[k]) {
        tuneRows++;
        tunePositives += gold[k] ? 1 : 0;
      }
    }
    String scope = "";
    if (!tuneFiles.isEmpty()) {
      if (tunePositives == 0 || tunePositives == tuneRows) {
        log.printf("%s: the --tune-on rows have one class only; tuning on all rows%n",
            label.column());
        java.util.Arrays.fill(tune, true);
      } else {
        scope = " on the " + tuneRows + " rows of " + String.join(", ", new java.util.TreeSet<>(tuneFiles));
      }
    }
    int[] tunePositions = positions(tune);
    int t = tunePositions.length;
    double[] tuneScores = new double[repeats * t];
    boolean[] tuneGold = new boolean[repeats * t];
    int[] tuneFolds = new int[repeats * t];
    for (int r = 0; r < repeats; r++) {
      for (int j = 0; j < t; j++) {
        tuneScores[r * t + j] = scores[r][tunePositions[j]];
        tuneGold[r * t + j] = gold[tunePositions[j]];
        tuneFolds[r * t + j] = r * settings.folds() + foldByRepeat[r][tunePositions[j]];
      }
    }
    String folds = " over " + settings.folds() + " folds"
        + (repeats > 1 ? " repeated " + repeats + " times" : "") + scope + ruleNote;
    Threshold threshold = chooseThreshold(tuneScores, tuneGold, settings, folds);
    if (threshold.precisionUnreachable()) {
      log.printf("%s: %s%n", label.column(), threshold.rule());
    }
    Map<String, double[]> cv = crossValidation(tuneScores, tuneGold, tuneFolds, threshold.value());
    log.printf("%s: %,d rows, %,d positive, threshold %.4f (%s)%n", label.column(), n, positives,
        threshold.value(), threshold.rule());
    cv.forEach((metric, ms) -> log.printf("  %-10s %.4f ± %.4f%n", metric, ms[0], ms[1]));
    return new LabelReport(label, n, positives, threshold.value(), threshold.rule(), cv);
  }

  /**
   * A label's decision threshold and the rule that chose it, as the manifest records it;
   * {@code precisionUnreachable} when --target-precision was set but no threshold reached it.
   */
  record Threshold(double value, String rule, boolean precisionUnreachable) {}

  /**
   * The threshold by --target-precision when it is set and reachable, else by the threshold rule
   * (break-even or max-f1) on the same out-of-fold scores; {@code folds} describes them.
   */
  static Threshold chooseThreshold(double[] scores, boolean[] gold, TrainingSettings settings,
      String folds) {
    boolean unreachable = false;
    if (settings.targetPrecision() != null) {
      double t = Metrics.thresholdForPrecision(scores, gold, settings.targetPrecision());
      if (!Double.isNaN(t)) {
        return new Threshold(t, "lowest out-of-fold threshold with precision >= "
            + settings.targetPrecision() + folds, false);
      }
      unreachable = true;
    }
    boolean breakEven = settings.thresholdRule().equals(TrainingSettings.BREAK_EVEN);
    double t = breakEven ? Metrics.breakEvenThreshold(scores, gold)
        : Metrics.bestF1Threshold(scores, gold);
    String rule = (unreachable ? "precision " + settings.targetPrecision() + " unreachable; " : "")
        + (breakEven ? "out-of-fold precision = recall (break-even)" : "max out-of-fold F1") + folds;
    return new Threshold(t, rule, unreachable);
  }

  /** A model on the posts {@code included} accepts, each counted {@code weight[k]} times. */
  private static MaxentTrainer.Trained trainWeighted(MaxentTrainer trainer, List<FeatureVector> fvs,
      List<Boolean> golds, int[] weight, java.util.function.IntPredicate included) {
    List<FeatureVector> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int k = 0; k < fvs.size(); k++) {
      for (int copy = 0; included.test(k) && copy < weight[k]; copy++) {
        x.add(fvs.get(k));
        y.add(golds.get(k));
      }
    }
    return trainer.train(x, y);
  }

  /** The positions where {@code keep} is true. */
  private static int[] positions(boolean[] keep) {
    return java.util.stream.IntStream.range(0, keep.length).filter(k -> keep[k]).toArray();
  }

  /**
   * Folds by group (thread), so that no thread straddles train and test, and stratified: groups
   * with a positive post are dealt out round-robin separately from the others.
   */
  private static int[] assignFolds(List<Integer> rows, List<LabelledPost> posts, boolean[] gold,
      long seed, int folds) {
    Map<String, Boolean> groupPositive = new LinkedHashMap<>();
    for (int k = 0; k < rows.size(); k++) {
      groupPositive.merge(posts.get(rows.get(k)).group(), gold[k], Boolean::logicalOr);
    }
    List<String> positiveGroups = new ArrayList<>();
    List<String> negativeGroups = new ArrayList<>();
    groupPositive.forEach((g, p) -> (p ? positiveGroups : negativeGroups).add(g));
    Random random = new Random(seed);
    Collections.shuffle(positiveGroups, random);
    Collections.shuffle(negativeGroups, random);
    Map<String, Integer> foldOf = new HashMap<>();
    int next = 0;
    for (List<String> groups : List.of(positiveGroups, negativeGroups)) {
      for (String g : groups) {
        foldOf.put(g, next++ % folds);
      }
    }
    int[] fold = new int[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      fold[k] = foldOf.get(posts.get(rows.get(k)).group());
    }
    return fold;
  }

  private Map<String, double[]> crossValidation(double[] oof, boolean[] gold, int[] fold,
      double threshold) {
    return crossValidation(oof, gold, fold, settings.folds() * settings.repeats(), threshold);
  }

  /**
   * Metric name to [mean, standard deviation] over the folds, at {@code threshold}: what a
   * bundle records as a model's cross-validation.
   *
   * @param fold each row's fold, 0 to {@code folds - 1}
   */
  static Map<String, double[]> crossValidation(double[] oof, boolean[] gold, int[] fold,
      int folds, double threshold) {
    String[] names = {"auc", "ap", "f1", "precision", "recall", "brier"};
    double[][] perFold = new double[names.length][folds];
    for (int f = 0; f < folds; f++) {
      int size = 0;
      for (int k : fold) {
        if (k == f) {
          size++;
        }
      }
      double[] s = new double[size];
      boolean[] g = new boolean[size];
      int j = 0;
      for (int k = 0; k < fold.length; k++) {
        if (fold[k] == f) {
          s[j] = oof[k];
          g[j++] = gold[k];
        }
      }
      Metrics.Confusion c = Metrics.confusion(s, g, threshold);
      double[] v = {Metrics.rocAuc(s, g), Metrics.averagePrecision(s, g), c.f1(), c.precision(),
          c.recall(), Metrics.brier(s, g)};
      for (int m = 0; m < names.length; m++) {
        perFold[m][f] = v[m];
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int m = 0; m < names.length; m++) {
      double mean = 0;
      for (double x : perFold[m]) {
        mean += x;
      }
      mean /= perFold[m].length;
      double var = 0;
      for (double x : perFold[m]) {
        var += (x - mean) * (x - mean);
      }
      double sd = Math.sqrt(var / Math.max(1, perFold[m].length - 1));
      out.put(names[m], new double[] {mean, sd});
    }
    return out;
  }
}
