package org.trollscan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trollscan.ToolVersion;
import org.trollscan.input.InputFormat;
import org.trollscan.language.LanguageGuess;
import org.trollscan.input.ReaderOptions;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.output.CsvScoreWriter;
import org.trollscan.output.JsonlScoreWriter;
import org.trollscan.output.OutputColumns;
import org.trollscan.files.OutputFile;
import org.trollscan.output.RejectedRowWriter;
import org.trollscan.output.ScoreMeta;
import org.trollscan.output.ScoreWriter;
import org.trollscan.scoring.PostScorer;
import org.trollscan.scoring.ScoringRun;
import org.trollscan.scoring.ThreadContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trollscan score}: parses its options and runs a {@link ScoringRun}. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Scores every post of the inputs and writes one row per post.",
        "Inputs: CSV/TSV with a header, JSON Lines, or plain text (one post per line), by "
            + "extension (.csv .tsv .jsonl .ndjson .txt, each also .gz); stdin ('-' or no file) "
            + "is read as CSV unless --format says otherwise."})
final class ScoreCommand implements Callable<Integer> {
  @ParentCommand TrollscanCommand top;
  @Mixin ModelOption model;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files; '-' or none: stdin.")
  List<String> files = new ArrayList<>();

  @Mixin InputOptions input;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write here instead of stdout; the file appears only when complete.")
  String output;

  @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
  String outputFormat;

  @Option(names = "--keep", split = ",", paramLabel = "COLUMN",
      description = "Input columns to copy into the output, after the score columns.")
  List<String> keep = new ArrayList<>();

  @Option(names = "--keep-all", description = "Copy every input column into the output.")
  boolean keepAll;

  @Option(names = "--source",
      description = "Add a source column (the input's name as given) even for one input; "
          + "with several inputs it is always there.")
  boolean source;

  @Option(names = "--threshold", paramLabel = "LABEL=VALUE",
      description = "Override a label's decision threshold, e.g. false_report=0.7.")
  List<String> thresholds = new ArrayList<>();

  @Option(names = "--thread-column", paramLabel = "NAME",
      description = "Score each post with its thread so far: the earlier posts (in input order)"
          + " with the same value in this column. Needs a model trained with --thread-column;"
          + " adds LABEL_alone columns (docs/context.md).")
  String threadColumn;

  @Option(names = "--time-column", paramLabel = "NAME",
      description = "With --thread-column: the posts of each thread must come in the time order"
          + " of this column (ISO-8601 or seconds since 1970); a post earlier than its thread's"
          + " previous one is rejected. Input order still decides.")
  String timeColumn;

  @Option(names = "--max-open-threads", paramLabel = "N",
      description = "With --thread-column: threads remembered at once (about 200 bytes each);"
          + " beyond it the thread idle longest is let go (default: the model's, 100,000).")
  Integer maxOpenThreads;

  @Option(names = "--only-flagged", description = "Write only posts with a flagged label.")
  boolean onlyFlagged;

  @Option(names = "--no-evidence", negatable = false,
      description = "Leave the evidence columns empty lists (faster).")
  boolean noEvidence;

  @Mixin RunOptions runOptions;

  @Option(names = "--meta", paramLabel = "FILE",
      description = "Write the run's provenance (model, checksum, thresholds, inputs, counts) "
          + "here as JSON; default: OUT.meta.json beside -o OUT.")
  String meta;

  @Option(names = "--no-meta", description = "Write no provenance sidecar.")
  boolean noMeta;

  @Mixin RejectedRowOptions rejected;

  @Option(names = "--detect-language",
      description = "Add a language column (ISO 639-1, else 639-3; short or unclear posts count "
          + "as en) and count the posts not detected as English in the summary.")
  boolean detectLanguage;

  @Option(names = {"-q", "--quiet"},
      description = "No progress and no summary on stderr (rejected rows are still named).")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Instant started = Instant.now();
    PrintStream err = top.stderr;
    int threads = runOptions.threads();
    String errors = rejected.errors;
    if (meta != null && noMeta) {
      throw new UsageException("--meta and --no-meta contradict each other; give one");
    }
    UsageException.fromOptions(() -> OutputFile.check(output, top.stdout));
    if (errors != null) {
      UsageException.fromOptions(() -> OutputFile.check(errors, null));
    }
    // The sidecar goes beside a file that is replaced whole; a device or FIFO has no "beside".
    String metaFile = noMeta ? null : meta != null ? meta
        : OutputFile.replacesAFile(output) ? output + ".meta.json" : null;
    // '-' for the sidecar only when standard output does not carry the scores.
    OutputStream metaStdout = output == null || output.equals("-") ? null : top.stdout;
    if (metaFile != null) {
      UsageException.fromOptions(() -> OutputFile.check(metaFile, metaStdout));
      for (String other : java.util.Arrays.asList(output, errors)) {
        if (other != null && !other.equals("-") && !metaFile.equals("-")
            && Path.of(other).toAbsolutePath().normalize()
                .equals(Path.of(metaFile).toAbsolutePath().normalize())) {
          throw new UsageException("--meta " + metaFile + " names the same file as "
              + (other.equals(output) ? "-o" : "--errors") + "; name another");
        }
      }
    }
    if (threadColumn == null && (timeColumn != null || maxOpenThreads != null)) {
      throw new UsageException((timeColumn != null ? "--time-column" : "--max-open-threads")
          + " needs --thread-column");
    }
    if (threadColumn != null && threadColumn.isBlank()) {
      throw new UsageException("--thread-column needs a column name");
    }
    if (maxOpenThreads != null && (maxOpenThreads < 1 || maxOpenThreads > MAX_OPEN_THREADS)) {
      throw new UsageException("--max-open-threads must be from 1 to " + MAX_OPEN_THREADS);
    }
    // The language model is read when the first post needs the detector (most English posts
    // do not: LanguageGuess's rules answer them), and without the option never.
    LanguageGuess languages = detectLanguage ? LanguageGuess.notLoaded() : null;
    ModelBundle bundle = model.load();
    if (threadColumn != null && !bundle.hasContext()) {
      throw new org.trollscan.model.BundleException((model.model == null ? "default model"
          : model.model.toString()) + ": this model has no context stage; train with"
          + " --thread-column");
    }
    Map<Label, Double> overrides = LabelSettings.thresholds(thresholds, bundle.labels());
    ThreadContext context = null;
    Map<Label, Double> contextThresholds = new EnumMap<>(Label.class);
    int openThreads = 0;
    if (threadColumn != null) {
      // In context the label columns are the context scores: --threshold sets their thresholds.
      openThreads = maxOpenThreads != null ? maxOpenThreads
          : bundle.manifest().context().maxOpenThreads();
      context = ThreadContext.of(bundle, threadColumn, timeColumn, overrides, openThreads);
      contextThresholds = context.thresholds();
      overrides = Map.of();
    }
    ModelBundle used = bundle.withThresholds(overrides);
    Scorer scorer = new Scorer(used);
    ScoreMeta.Model modelRecord = metaFile == null ? null : ScoreMeta.Model.of(model.model, used);
    InputFormat inputFormat = input.inputFormat();
    List<String> required = new ArrayList<>(keepAll ? List.of() : keep);
    if (threadColumn != null) {
      required.add(threadColumn);
    }
    if (timeColumn != null) {
      required.add(timeColumn);
    }
    ReaderOptions reader = input.readerOptions(required);
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    ScoringRun.Options options = new ScoringRun.Options(inputs, inputFormat, reader, threads,
        onlyFlagged, !noEvidence, rejected.strict);
    OutputColumns columns = new OutputColumns(bundle.labels(), keep, keepAll,
        source || inputs.size() > 1, context != null, detectLanguage);
    boolean progressShown = !quiet
        && (Boolean.getBoolean("trollscan.stderr.tty") || System.console() != null);
    // In context, evidence is found for every label: context may flag one the post alone did not.
    PostScorer postScorer = context == null ? PostScorer.of(scorer)
        : PostScorer.of(bundle.labels(), (text, withEvidence) -> scorer.score(text, withEvidence,
            true));
    ScoringRun run = new ScoringRun(postScorer, options, top.stdin,
        progressShown ? ScoringRun.Progress.terminal(err) : ScoringRun.Progress.NONE,
        languages == null ? null : languages::language, context);
    ThreadContext step = context;
    ScoringRun.Summary summary;
    RejectedRowNotes notes = new RejectedRowNotes();
    try (OutputFile out = OutputFile.open(output, top.stdout);
        OutputFile errorFile = errors == null ? null : OutputFile.open(errors, null)) {
      String format = outputFormat.toLowerCase(Locale.ROOT);
      ScoreWriter writer = switch (format) {
        case "csv" -> new CsvScoreWriter(out.stream(), columns, runOptions.spreadsheetSafe());
        case "jsonl" -> new JsonlScoreWriter(out.stream(), columns);
        default -> throw new UsageException(
            "--output-format must be csv or jsonl, not " + outputFormat);
      };
      RejectedRowWriter rejects = errorFile == null ? null
          : new RejectedRowWriter(errorFile.stream(), runOptions.spreadsheetSafe());
      summary = run.run(writer, notes.sink(rejects));
      if (rejects != null) {
        rejects.finish();
        errorFile.commit();
      }
      // The sidecar is written before the output is moved into place and moved after it: a
      // run that fails leaves none, and none describes an output it did not write.
      try (OutputFile metaOut = metaFile == null ? null : OutputFile.open(metaFile, metaStdout)) {
        if (metaOut != null) {
          ScoreMeta.Context c = step == null ? null : new ScoreMeta.Context(threadColumn,
              timeColumn, openThreads, step.threadsLetGo(), step.postsAfterLetGo(),
              contextThresholds);
          record(modelRecord, started, format, writer.columns(), summary, c)
              .write(metaOut.stream());
        }
        out.commit();
        if (metaOut != null) {
          metaOut.commit();
        }
      }
    }
    notes.print(err, "; --errors FILE lists every rejected row and why");
    // Ids that are row numbers do not join back to the export: say so, once per input, even
    // with --quiet (a pipeline would otherwise join on the wrong key without a word).
    String idName = reader.idField();
    summary.numbered().forEach((source, n) -> err.println("trollscan: warning: "
        + (source.equals("-") ? "standard input" : source) + " has no id column or field '"
        + idName + "', so " + ScoringRun.Summary.grouped(n) + " posts have their row number as"
        + " id (name yours with --id-column or --id-field)"));
    if (!quiet) {
      err.println("trollscan: model " + bundle.manifest().modelVersion() + ": "
          + summary.describe() + (step == null ? "" : "; in context by " + threadColumn
              + ", " + ScoringRun.Summary.grouped(step.threadsLetGo()) + " threads let go, "
              + ScoringRun.Summary.grouped(step.postsAfterLetGo())
              + " posts came after their thread was let go"));
    }
    if (step != null && step.postsAfterLetGo() > 0) {
      // Even with --quiet: those posts were read without their thread's start. Threads let go
      // that never post again lose nothing (an input sorted by thread), so they say nothing.
      err.println("trollscan: warning: " + ScoringRun.Summary.grouped(step.postsAfterLetGo())
          + " posts came for a thread let go earlier (more than " + ScoringRun.Summary
          .grouped(openThreads) + " threads open at once), so each was scored as its thread's"
          + " opener, without the posts before it; raise --max-open-threads or sort the input by"
          + " thread (the count may be slightly high, never low)");
    }
    return exitCode(summary);
  }

  private static int exitCode(ScoringRun.Summary summary) {
    return summary.rejected() > 0 ? ExitCodes.REJECTED_ROWS : ExitCodes.OK;
  }

  /** The most threads --max-open-threads may ask for (about 2 GB of state). */
  static final int MAX_OPEN_THREADS = 10_000_000;

  private ScoreMeta record(ScoreMeta.Model modelRecord, Instant started, String format,
      List<String> columns, ScoringRun.Summary s, ScoreMeta.Context context) {
    List<ScoreMeta.Input> inputs = s.inputs().stream().map(i -> new ScoreMeta.Input(i.name(),
        i.read(), i.scored(), i.written(), i.rejected(), i.blank(), i.numbered())).toList();
    return new ScoreMeta(ToolVersion.get(), spec.commandLine().getParseResult().originalArgs(),
        modelRecord, started, Instant.now(),
        new ScoreMeta.Output(output == null ? "-" : output, format, columns, !noEvidence,
            onlyFlagged), inputs,
        new ScoreMeta.Totals(s.read(), s.written() + s.filtered(), s.written(), s.rejected(),
            s.flagged(), s.truncated()), exitCode(s), context);
  }
}
