package org.trollscan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.trollscan.output.ScoreWriter;
import org.trollscan.scoring.PostScorer;
import org.trollscan.scoring.ScoringRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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

  @Option(names = "--threshold", paramLabel = "LABEL=VALUE",
      description = "Override a label's decision threshold, e.g. false_report=0.7.")
  List<String> thresholds = new ArrayList<>();

  @Option(names = "--only-flagged", description = "Write only posts with a flagged label.")
  boolean onlyFlagged;

  @Option(names = "--no-evidence", negatable = false,
      description = "Leave the evidence column empty (faster).")
  boolean noEvidence;

  @Option(names = "--threads", paramLabel = "N",
      description = "Scoring threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--errors", paramLabel = "FILE",
      description = "Write rejected rows here as CSV: source, line, reason, raw.")
  String errors;

  @Option(names = "--strict", description = "Stop at the first rejected row (exit 3).")
  boolean strict;

  @Option(names = "--no-spreadsheet-safety",
      description = "Do not prefix cells starting with = + - @ tab or CR with an apostrophe "
          + "(for machine pipelines; keep it on for files people open in a spreadsheet; "
          + "numbers are never prefixed).")
  boolean noSpreadsheetSafety;

  @Option(names = "--detect-language",
      description = "Add a language column (ISO 639-1, else 639-3; short or unclear posts count "
          + "as en) and count the posts not detected as English in the summary.")
  boolean detectLanguage;

  @Option(names = {"-q", "--quiet"},
      description = "No progress and no summary on stderr (rejected rows are still named).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintStream err = top.stderr;
    if (threads < 1) {
      throw new UsageException("--threads must be at least 1");
    }
    UsageException.fromOptions(() -> OutputFile.check(output, top.stdout));
    if (errors != null) {
      UsageException.fromOptions(() -> OutputFile.check(errors, null));
    }
    // The language model is read when the first post needs the detector (most English posts
    // do not: LanguageGuess's rules answer them), and without the option never.
    LanguageGuess languages = detectLanguage ? LanguageGuess.notLoaded() : null;
    ModelBundle bundle = model.load();
    Map<Label, Double> overrides = LabelSettings.thresholds(thresholds, bundle.labels());
    Scorer scorer = new Scorer(bundle.withThresholds(overrides));
    InputFormat inputFormat = input.inputFormat();
    ReaderOptions reader = input.readerOptions(keepAll ? List.of() : keep);
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    ScoringRun.Options options = new ScoringRun.Options(inputs, inputFormat, reader, threads,
        onlyFlagged, !noEvidence, strict);
    OutputColumns columns = new OutputColumns(bundle.labels(), keep, keepAll, detectLanguage);
    boolean progressShown = !quiet
        && (Boolean.getBoolean("trollscan.stderr.tty") || System.console() != null);
    ScoringRun run = new ScoringRun(PostScorer.of(scorer), options, top.stdin,
        progressShown ? ScoringRun.Progress.terminal(err) : ScoringRun.Progress.NONE,
        languages == null ? null : languages::language);
    ScoringRun.Summary summary;
    RejectedRowNotes notes = new RejectedRowNotes();
    try (OutputFile out = OutputFile.open(output, top.stdout);
        OutputFile errorFile = errors == null ? null : OutputFile.open(errors, null)) {
      ScoreWriter writer = switch (outputFormat.toLowerCase(Locale.ROOT)) {
        case "csv" -> new CsvScoreWriter(out.stream(), columns, !noSpreadsheetSafety);
        case "jsonl" -> new JsonlScoreWriter(out.stream(), columns);
        default -> throw new UsageException(
            "--output-format must be csv or jsonl, not " + outputFormat);
      };
      RejectedRowWriter rejects = errorFile == null ? null
          : new RejectedRowWriter(errorFile.stream(), !noSpreadsheetSafety);
      summary = run.run(writer, row -> {
        if (rejects != null) {
          rejects.write(row);
        } else {
          notes.add(row);
        }
      });
      if (rejects != null) {
        rejects.finish();
        errorFile.commit();
      }
      out.commit();
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
      err.println("trollscan: " + summary.describe());
    }
    return summary.rejected() > 0 ? ExitCodes.REJECTED_ROWS : ExitCodes.OK;
  }
}
