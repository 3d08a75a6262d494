package org.trollscan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trollscan.files.OutputFile;
import org.trollscan.input.ReaderOptions;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.output.RejectedRowWriter;
import org.trollscan.scoring.PostScorer;
import org.trollscan.scoring.ScoringRun;
import org.trollscan.summary.ScoredFile;
import org.trollscan.language.LanguageGuess;
import org.trollscan.summary.Summarizer;
import org.trollscan.summary.Summary;
import org.trollscan.summary.SummaryPage;
import org.trollscan.summary.SummaryWriter;
import org.trollscan.summary.TargetExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code trollscan summarize}: parses its options and runs a {@link ScoringRun} into a
 * {@link Summarizer}, then writes what that summarised.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Summarises an export per thread, per target (the people flagged posts aim "
        + "at) and per author, and names threads that look like organised false-report "
        + "campaigns. Reads raw posts and scores them, or a file `score --keep-all` wrote (its "
        + "`flagged` and probability columns are used as they are).",
        "Writes the threads table to -o FILE (standard output when no -o, --out-dir or --html "
            + "is given), threads.csv, targets.csv, authors.csv and campaigns.csv into "
            + "--out-dir, and a page to --html. Manual: docs/summarize.md."})
final class SummarizeCommand implements Callable<Integer> {
  @ParentCommand TrollscanCommand top;
  @Mixin ModelOption model;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files; '-' or none: stdin.")
  List<String> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the threads table (the columns of threads.csv) here; '-': stdout.")
  String output;

  @Option(names = {"--out-dir", "--output-dir"}, paramLabel = "DIR",
      description = "Folder for threads.csv, targets.csv, authors.csv and campaigns.csv "
          + "(created when missing).")
  Path outDir;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write an HTML page: campaigns, then threads, targets and authors as bars.")
  String html;

  @Mixin InputOptions input;

  @Option(names = "--thread-column", paramLabel = "NAME", description = "Column holding the thread.")
  String threadColumn;

  @Option(names = "--author-column", paramLabel = "NAME", description = "Column holding the author.")
  String authorColumn;

  @Option(names = "--time-column", paramLabel = "NAME", description = "Column holding the post time.")
  String timeColumn;

  @Option(names = "--campaign-min", paramLabel = "N", defaultValue = "2",
      description = "A thread is a campaign when at least N posts flagged for false_report come "
          + "from N different authors (default: ${DEFAULT-VALUE}; at least 2).")
  int campaignMin;

  @Mixin RunOptions runOptions;

  @Mixin RejectedRowOptions rejected;

  @Option(names = "--detect-language",
      description = "Count the posts not detected as English in the summary line "
          + "(score --detect-language tells which they are).")
  boolean detectLanguage;

  @Option(names = {"-q", "--quiet"},
      description = "No summary line on stderr (rejected rows are still named).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    int threads = runOptions.threads();
    String errors = rejected.errors;
    if (campaignMin < 2) {
      throw new UsageException("--campaign-min must be at least 2 (a campaign takes two authors)");
    }
    if (output != null && output.endsWith("/") && !Files.isDirectory(Path.of(output))) {
      throw new UsageException("-o names one file, the threads table; for the folder of files "
          + "use --out-dir " + output);
    }
    String threadsTable = output != null ? output : outDir == null && html == null ? "-" : null;
    if (threadsTable != null && html != null && html.equals("-") && threadsTable.equals("-")) {
      throw new UsageException("--html - and the threads table cannot both go to standard output");
    }
    if (threadsTable != null) {
      try {
        UsageException.fromOptions(() -> OutputFile.check(threadsTable, top.stdout));
      } catch (UncheckedIOException e) {
        // -o named the folder before it named one file: say where the folder goes now.
        throw Files.isDirectory(Path.of(threadsTable)) ? new UncheckedIOException(e.getMessage()
            + " (summarize writes its folder of files with --out-dir)", e.getCause()) : e;
      }
    }
    if (outDir != null) {
      UsageException.fromOptions(() -> OutputFile.checkFolder(outDir));
      for (String name : SummaryWriter.FILES) {
        UsageException.fromOptions(() -> OutputFile.check(outDir.resolve(name).toString(), null));
      }
    }
    if (html != null) {
      UsageException.fromOptions(() -> OutputFile.check(html, top.stdout));
    }
    if (errors != null) {
      UsageException.fromOptions(() -> OutputFile.check(errors, null));
    }
    ModelBundle bundle = model.load();
    List<Label> labels = bundle.labels();
    Scorer scorer = new Scorer(bundle);
    // Targets from the analysis the scorer makes, with the bundle's rules: the people the
    // scores were computed from.
    Summarizer summarizer = new Summarizer(labels,
        new Summarizer.Columns(threadColumn, authorColumn, timeColumn),
        TargetExtractor.of(scorer), campaignMin);
    ReaderOptions reader = input.readerOptions();
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    // No evidence: summarize counts flagged posts and never shows their phrases.
    ScoringRun run = new ScoringRun(ScoredFile.orModel(PostScorer.of(scorer), labels),
        new ScoringRun.Options(inputs, input.inputFormat(), reader, threads, false, false,
            rejected.strict),
        top.stdin, ScoringRun.Progress.NONE,
        detectLanguage ? LanguageGuess.notLoaded()::language : null);
    RejectedRowNotes notes = new RejectedRowNotes();
    ScoringRun.Summary counts;
    try (OutputFile errorFile = errors == null ? null : OutputFile.open(errors, null)) {
      RejectedRowWriter rejects = errorFile == null ? null
          : new RejectedRowWriter(errorFile.stream(), runOptions.spreadsheetSafe());
      counts = run.run(summarizer, notes.sink(rejects));
      if (rejects != null) {
        rejects.finish();
        errorFile.commit();
      }
    }
    Summary summary = summarizer.summary();
    boolean safe = runOptions.spreadsheetSafe();
    if (outDir != null) {
      SummaryWriter.writeFolder(summary, labels, outDir, safe);
    }
    if (threadsTable != null) {
      SummaryWriter.writeThreads(summary, labels, threadsTable, top.stdout, safe);
    }
    if (html != null) {
      try (OutputFile out = OutputFile.open(html, top.stdout)) {
        out.stream().write(SummaryPage.html(summary, labels).getBytes(StandardCharsets.UTF_8));
        out.commit();
      }
    }
    notes.print(top.stderr, errors == null ? "; --errors FILE lists every rejected row and why"
        : "");
    String idName = reader.idField();
    counts.numbered().forEach((source, n) -> top.stderr.println("trollscan: warning: "
        + (source.equals("-") ? "standard input" : source) + " has no id column or field '"
        + idName + "', so " + ScoringRun.Summary.grouped(n) + " posts have their row number as"
        + " id (name yours with --id-column or --id-field)"));
    if (!quiet) {
      top.stderr.println("trollscan: " + ScoringRun.Summary.grouped(counts.read())
          + " rows read, " + ScoringRun.Summary.grouped(counts.written()) + " summarised, "
          + ScoringRun.Summary.grouped(counts.rejected()) + " rejected; "
          + ScoringRun.Summary.grouped(summary.threads().size()) + " threads, "
          + ScoringRun.Summary.grouped(summary.targets().size()) + " targets, "
          + ScoringRun.Summary.grouped(summary.authors().size()) + " authors, "
          + ScoringRun.Summary.grouped(summary.campaigns().size()) + " campaign threads"
          + (counts.notEnglish() == 0 ? "" : "; " + ScoringRun.Summary.grouped(counts.notEnglish())
              + (counts.notEnglish() == 1 ? " post" : " posts") + " not detected as English: "
              + (counts.notEnglish() == 1 ? "its flags are" : "flags on them are")
              + " not meaningful"));
    }
    return counts.rejected() > 0 ? ExitCodes.REJECTED_ROWS : ExitCodes.OK;
  }
}
